package io.akhbar.nlp.enrichment;

import io.akhbar.contracts.DeadLetterHeaders;
import io.akhbar.contracts.PipelineLog;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

import java.util.concurrent.CompletableFuture;

/**
 * Sends a record that can never be enriched to {@code articles.raw.dlq}: the original key, value and headers (trace
 * id, ingest time) plus {@link DeadLetterHeaders}, as the binder's own DLQ would, so that search-service's admin API
 * lists and replays it. The send is awaited with the rest of its batch, before the batch's offsets are committed.
 * Counted as {@code akhbar.articles.dead.lettered{stage="enrichment",reason=...}} once Kafka acknowledged it, with
 * one WARN line naming the reason.
 */
@Component
class DeadLetters {

    static final String BINDING = "dead-letters-out-0";

    private static final Logger pipeline = LoggerFactory.getLogger(PipelineLog.LOGGER);

    private final AcknowledgedSends sends;
    private final MeterRegistry meters;

    DeadLetters(AcknowledgedSends sends, MeterRegistry meters) {
        this.sends = sends;
        this.meters = meters;
    }

    /** Returns the send's future, completed when Kafka acknowledged the dead letter. */
    CompletableFuture<?> send(RawArticle record, Throwable failure) {
        String reason = reason(failure);
        var rejected = new ArticleRejectedException(record.origin() + " " + reason + ": " + describe(rootCause(failure)),
                failure);
        var message = MessageBuilder.withPayload(record.payload()).copyHeaders(record.carriedHeaders());
        DeadLetterHeaders.of(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), rejected.getMessage(), rejected).forEach(message::setHeader);
        CompletableFuture<?> acknowledged = sends.send(BINDING, message);
        acknowledged.thenRun(() -> meters.counter("akhbar.articles.dead.lettered",
                "stage", "enrichment", "reason", reason).increment());
        pipeline.warn("dead-lettered: {} ({})", reason, describe(rootCause(failure)));
        return acknowledged;
    }

    /**
     * Few values, as for search-service: invalid (readable, but breaks the contract), unreadable (not the JSON of an
     * article), failed (anything else).
     */
    static String reason(Throwable failure) {
        if (rootCause(failure) instanceof IllegalArgumentException) {
            return "invalid";
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException) {
                return "unreadable";
            }
        }
        return "failed";
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "no exception";
        }
        String message = t.getMessage();
        if (message != null && message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** What a dead letter of this stage is written with: where the record was, why, and the failure as its cause. */
    static final class ArticleRejectedException extends RuntimeException {

        ArticleRejectedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
