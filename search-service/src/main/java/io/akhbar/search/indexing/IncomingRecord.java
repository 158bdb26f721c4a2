package io.akhbar.search.indexing;

import io.akhbar.contracts.PipelineLog;
import org.slf4j.MDC;

/**
 * One Kafka record of a batch, with where it came from, so that a dead letter can point back to it.
 *
 * @param key     the record key, the article id (null when the producer set none)
 * @param traceId the {@code akhbar-trace-id} header, or null
 */
record IncomingRecord(byte[] payload, String topic, Integer partition, Long offset, Long ingestedAtMillis, String key,
                      String traceId) {

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
