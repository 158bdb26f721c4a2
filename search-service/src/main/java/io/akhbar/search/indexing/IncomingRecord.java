package io.akhbar.search.indexing;

import io.akhbar.contracts.PipelineLog;
import org.slf4j.MDC;

import java.util.Map;

/**
 * One Kafka record of a batch, with where it came from and what it carried, so that a dead letter can point back to it
 * and keep everything a replay needs.
 *
 * @param key       the record key, the article id (null when the producer set none)
 * @param traceId   the {@code akhbar-trace-id} header, or null
 * @param timestamp epoch millis of the record, null when unknown
 * @param headers   the record's headers as converted by the binder (values mostly {@code byte[]})
 */
record IncomingRecord(byte[] payload, String topic, Integer partition, Long offset, Long ingestedAtMillis, String key,
        String traceId, Long timestamp, String timestampType, Map<String, Object> headers) {

    IncomingRecord {
        headers = headers == null ? Map.of() : headers;
    }

    String origin() {
        return topic + "/" + partition + "@" + offset;
    }

    /** Puts this record's trace and article in the MDC; {@link #leaveLogContext()} takes them out again. */
    void enterLogContext(String articleId) {
        if (traceId != null) {
            MDC.put(PipelineLog.TRACE_ID, traceId);
        }
        String id = articleId != null ? articleId : key;
        if (id != null) {
            MDC.put(PipelineLog.ARTICLE_ID, id);
        }
    }

    static void leaveLogContext() {
        MDC.remove(PipelineLog.TRACE_ID);
        MDC.remove(PipelineLog.ARTICLE_ID);
    }
}
