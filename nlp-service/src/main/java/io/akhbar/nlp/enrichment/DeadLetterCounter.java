package io.akhbar.nlp.enrichment;

import io.akhbar.contracts.PipelineLog;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.messaging.converter.MessageConversionException;
import tools.jackson.core.JacksonException;

/**
 * The binder sends a record to {@code articles.raw.dlq} itself and offers no callback for it; the one hook it calls
 * for every dead letter, just before sending, is the partition function. This one keeps the binder's default (the
 * record's own partition) and counts the dead letter as search-service counts its own:
 * {@code akhbar.articles.dead.lettered{stage="enrichment",reason=...}}, with one WARN line naming the reason.
 */
final class DeadLetterCounter implements DlqPartitionFunction {

    private static final Logger pipeline = LoggerFactory.getLogger(PipelineLog.LOGGER);

    private final MeterRegistry meters;

    DeadLetterCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable failure) {
        String reason = reason(failure);
        meters.counter("akhbar.articles.dead.lettered", "stage", "enrichment", "reason", reason).increment();
        // The binder calls this on the consumer thread, inside the record's log context; a record dead-lettered from
        // elsewhere gets its own.
        boolean ownContext = MDC.get(PipelineLog.ARTICLE_ID) == null;
        if (ownContext) {
            ArticleLogContext.enter(record);
        }
        try {
            pipeline.warn("dead-lettered: {} ({})", reason, describe(rootCause(failure)));
        } finally {
            if (ownContext) {
                ArticleLogContext.leave();
            }
        }
        return DlqPartitionFunction.ORIGINAL_PARTITION.apply(group, record, failure);
    }

    /**
     * Few values, as for search-service: invalid (readable, but breaks the contract), unreadable (not the JSON of an
     * article), failed (anything else, once the retries are spent).
     */
    static String reason(Throwable failure) {
        if (rootCause(failure) instanceof IllegalArgumentException) {
            return "invalid";
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException || t instanceof MessageConversionException) {
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
}
