package io.akhbar.nlp.enrichment;

import io.akhbar.contracts.ArticleEnriched;
import io.akhbar.contracts.ArticleSubmitted;
import io.akhbar.contracts.PipelineLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Enriches one batch from {@code articles.raw}: each record becomes an enriched record with the same key and headers
 * (trace id, ingest time, replay marks), or a dead letter when it can never be enriched. Everything the batch sends
 * and its input offsets are committed in one Kafka transaction, so the batch needs one wait for the broker, not one
 * per article.
 */
@Component
class EnrichmentBatch {

    private static final Logger pipeline = LoggerFactory.getLogger(PipelineLog.LOGGER);

    private final ArticleEnricher enricher;
    private final DeadLetters deadLetters;
    private final JsonMapper json;
    private final Timer enrichment;
    private final Counter enriched;

    EnrichmentBatch(ArticleEnricher enricher, DeadLetters deadLetters, JsonMapper json, MeterRegistry meters) {
        this.enricher = enricher;
        this.deadLetters = deadLetters;
        this.json = json;
        this.enrichment = Timer.builder("akhbar.enrichment").description("Time to enrich one article")
                .publishPercentileHistogram().register(meters);
        this.enriched = Counter.builder("akhbar.articles.enriched")
                .description("Articles enriched and handed to the binder for articles.enriched").register(meters);
    }

    List<Message<byte[]>> enrich(Message<List<byte[]>> batch) {
        List<RawArticle> records = RawArticle.of(batch);
        List<Message<byte[]>> out = new ArrayList<>(records.size());
        for (RawArticle record : records) {
            record.enterLogContext();
            try {
                out.add(enrich(record));
            } catch (RuntimeException e) {
                // Enrichment is pure computation: what failed once fails again, so it is not retried.
                deadLetters.send(record, e);
            } finally {
                RawArticle.leaveLogContext();
            }
        }
        return out;
    }

    private Message<byte[]> enrich(RawArticle record) {
        ArticleSubmitted article = json.readValue(record.payload(), ArticleSubmitted.class);
        ArticleEnriched result = enrichment.record(() -> enricher.enrich(article));
        var message = MessageBuilder.withPayload(json.writeValueAsBytes(result)).copyHeaders(record.carriedHeaders());
        enriched.increment();
        pipeline.info("enriched: language {}, {} entities, {} us", result.language().code(),
                result.entities().size(), result.processingMicros());
        return message.build();
    }
}
