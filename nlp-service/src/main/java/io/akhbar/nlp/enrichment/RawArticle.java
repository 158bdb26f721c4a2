package io.akhbar.nlp.enrichment;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.DeadLetterHeaders;
import io.akhbar.contracts.PipelineLog;
import org.slf4j.MDC;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record of a batch from {@code articles.raw}, still as bytes, with where it came from: a record that cannot be
 * read is dead-lettered alone, with what a replay needs, instead of failing its whole batch.
 *
 * @param key       the record key, the article id (null when the producer set none)
 * @param timestamp epoch millis of the record, null when unknown
 * @param headers   the record's headers as converted by the binder (values mostly {@code byte[]})
 */
record RawArticle(byte[] payload, String topic, Integer partition, Long offset, String key, Long timestamp,
        String timestampType, Map<String, Object> headers) {

    RawArticle {
        headers = headers == null ? Map.of() : headers;
    }

    /** The records of a batch as the binder hands them over: payloads, and one list per header, in the same order. */
    static List<RawArticle> of(Message<List<byte[]>> batch) {
        MessageHeaders headers = batch.getHeaders();
        List<byte[]> payloads = batch.getPayload();
        List<?> topics = list(headers, KafkaHeaders.RECEIVED_TOPIC);
        List<?> partitions = list(headers, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(headers, KafkaHeaders.OFFSET);
        List<?> keys = list(headers, KafkaHeaders.RECEIVED_KEY);
        List<?> timestamps = list(headers, KafkaHeaders.RECEIVED_TIMESTAMP);
        List<?> timestampTypes = list(headers, KafkaHeaders.TIMESTAMP_TYPE);
        List<?> recordHeaders = list(headers, KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<RawArticle> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            records.add(new RawArticle(payloads.get(i),
                    at(topics, i) instanceof String topic ? topic : null,
                    at(partitions, i) instanceof Integer partition ? partition : null,
                    at(offsets, i) instanceof Long offset ? offset : null,
                    ArticleHeaders.text(at(keys, i)),
                    at(timestamps, i) instanceof Long timestamp ? timestamp : null,
                    DeadLetterHeaders.timestampType(at(timestampTypes, i)),
                    headers(at(recordHeaders, i))));
        }
        return records;
    }

    /**
     * What goes on with the article, to the next stage or to a dead letter: its own headers (trace id, ingest time,
     * replay marks) as bytes, and its id as the record key, so that one article always lands in one partition.
     */
    Map<String, Object> carriedHeaders() {
        Map<String, Object> carried = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            byte[] bytes = DeadLetterHeaders.carried(name, value);
            if (bytes != null) {
                carried.put(name, bytes);
            }
        });
        if (key != null) {
            carried.put(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8));
        }
        return carried;
    }

    String origin() {
        return topic + "/" + partition + "@" + offset;
    }

    /** Puts this record's trace and article in the MDC, so that every line logged while it is handled names them. */
    void enterLogContext() {
        String traceId = ArticleHeaders.text(headers.get(ArticleHeaders.TRACE_ID));
        if (traceId != null) {
            MDC.put(PipelineLog.TRACE_ID, traceId);
        }
        if (key != null) {
            MDC.put(PipelineLog.ARTICLE_ID, key);
        }
    }

    static void leaveLogContext() {
        MDC.remove(PipelineLog.TRACE_ID);
        MDC.remove(PipelineLog.ARTICLE_ID);
    }

    /** The binder's converted headers of one record: header names to values, read as they are, not copied. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> headers(Object converted) {
        return converted instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(MessageHeaders headers, String name) {
        return headers.get(name) instanceof List<?> values ? values : List.of();
    }

    private static Object at(List<?> values, int index) {
        return index < values.size() ? values.get(index) : null;
    }
}
