package io.akhbar.search.indexing;

/** One Kafka record of a batch, with where it came from, so that a dead letter can point back to it. */
record IncomingRecord(byte[] payload, String topic, Integer partition, Long offset, Long ingestedAtMillis) {

    String origin() {
        return topic + "/" + partition + "@" + offset;
    }
}
