package io.akhbar.nlp.enrichment;

import io.akhbar.contracts.ArticleEnriched;
import io.akhbar.contracts.ArticleSubmitted;
import io.akhbar.contracts.PipelineLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Enriches one batch from {@code articles.raw}: each record becomes an enriched record with the same key and headers
 * (trace id, ingest time, replay marks), or a dead letter when it can never be enriched. Everything is sent without
 * waiting, then awaited together: the batch returns, and its offsets are committed, only once Kafka acknowledged all
 * of it, so one wait for the broker serves the whole batch instead of one per article. If anything is not
 * acknowledged, the batch fails and is read again (at least once: the article id keeps a repeat harmless).
 */
@Component
class EnrichmentBatch {

    static final String BINDING = "enriched-out-0";
    /** Longer than the producer's delivery timeout, so that a send fails by itself first. */
    static final Duration ACK_WAIT = Duration.ofSeconds(60);

    private static final Logger pipeline = LoggerFactory.getLogger(PipelineLog.LOGGER);

    private final ArticleEnricher enricher;
    private final DeadLetters deadLetters;
    private final AcknowledgedSends sends;
    private final JsonMapper json;
    private final Timer enrichment;
    private final Counter enriched;

    EnrichmentBatch(ArticleEnricher enricher, DeadLetters deadLetters, AcknowledgedSends sends, JsonMapper json,
            MeterRegistry meters) {
        this.enricher = enricher;
        this.deadLetters = deadLetters;
        this.sends = sends;
        this.json = json;
        this.enrichment = Timer.builder("akhbar.enrichment").description("Time to enrich one article")
                .publishPercentileHistogram().register(meters);
        this.enriched = Counter.builder("akhbar.articles.enriched")
                .description("Articles enriched and acknowledged by Kafka on articles.enriched").register(meters);
    }

    void enrich(List<RawArticle> records) {
        List<Sent> sent = new ArrayList<>(records.size());
        for (RawArticle record : records) {
            record.enterLogContext();
            try {
                sent.add(send(record));
            } finally {
                RawArticle.leaveLogContext();
            }
        }
        awaitAll(sent);
    }

    private record Sent(RawArticle record, boolean deadLetter, CompletableFuture<?> acknowledged) {
    }

    private Sent send(RawArticle record) {
        MessageBuilder<byte[]> message;
        try {
            message = enrich(record);
        } catch (RuntimeException e) {
            // Enrichment is pure computation: what failed once fails again, so it is not retried.
            return new Sent(record, true, deadLetters.send(record, e));
        }
        CompletableFuture<?> acknowledged = sends.send(BINDING, message);
        // Counted once Kafka has the record: a batch retried while the broker is away must not count it again and
        // again, nor one that ends up dead-lettered for being too large.
        acknowledged.thenRun(enriched::increment);
        return new Sent(record, false, acknowledged);
    }

    private MessageBuilder<byte[]> enrich(RawArticle record) {
        ArticleSubmitted article = json.readValue(record.payload(), ArticleSubmitted.class);
        ArticleEnriched result = enrichment.record(() -> enricher.enrich(article));
        var message = MessageBuilder.withPayload(json.writeValueAsBytes(result)).copyHeaders(record.carriedHeaders())
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE);
        pipeline.info("enriched: language {}, {} entities, {} us", result.language().code(),
                result.entities().size(), result.processingMicros());
        return message;
    }

    /**
     * Waits for every acknowledgement of the batch. An enriched record larger than the producer takes is the one
     * send failure that repeats whatever the broker's state: its article is dead-lettered instead of failing its batch
     * for ever.
     */
    private void awaitAll(List<Sent> sent) {
        long deadline = System.nanoTime() + ACK_WAIT.toNanos();
        List<Sent> pending = sent;
        while (!pending.isEmpty()) {
            List<Sent> tooLarge = new ArrayList<>();
            for (Sent s : pending) {
                try {
                    s.acknowledged().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    if (!s.deadLetter() && tooLarge(e)) {
                        tooLarge.add(s);
                    } else {
                        throw new IllegalStateException(what(s) + " was not acknowledged by Kafka", e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException(what(s) + " was not acknowledged within " + ACK_WAIT, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka's acknowledgements", e);
                }
            }
            pending = new ArrayList<>();
            for (Sent s : tooLarge) {
                s.record().enterLogContext();
                try {
                    pending.add(new Sent(s.record(), true, deadLetters.send(s.record(), new IllegalStateException(
                            "the enriched record is larger than the producer's max.request.size",
                            new RecordTooLargeException()))));
                } finally {
                    RawArticle.leaveLogContext();
                }
            }
        }
    }

    /** The producer's future fails with the Kafka exception wrapped by Spring's. */
    private static boolean tooLarge(ExecutionException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static String what(Sent s) {
        return (s.deadLetter() ? "the dead letter of " : "the enriched record of ") + s.record().origin();
    }
}
