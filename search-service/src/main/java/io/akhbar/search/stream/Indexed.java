package io.akhbar.search.stream;

/**
 * An article as the stream finds it in the index: the concrete index, its place in stream order, and where the
 * indexer read it in the enriched topic (null for an article indexed before the index recorded that, or when the look
 * did not ask).
 */
record Indexed(String index, StreamCursor cursor, Integer partition, Long offset) {

    /** {@code frontier} moved past this article, when its place in Kafka is known. */
    Frontier advance(Frontier frontier) {
        return partition == null || offset == null ? frontier : frontier.advance(partition, offset);
    }
}
