package io.akhbar.search.indexing;

import java.util.Map;

/**
 * One Kafka record of a batch, with where it came from and what it carried, so that a dead letter can point back to it
 * and keep everything a replay needs.
 *
 * @param key       the record key as received (a String here), null when absent
 * @param timestamp epoch millis of the record, null when unknown
 * @param headers   the record's headers as converted by the binder (values mostly {@code byte[]})
 */
record IncomingRecord(byte[] payload, String topic, Integer partition, Long offset, Long ingestedAtMillis, Object key,
        Long timestamp, String timestampType, Map<String, Object> headers) {

    IncomingRecord {
        headers = headers == null ? Map.of() : headers;
    }

    String origin() {
        return topic + "/" + partition + "@" + offset;
    }
}
