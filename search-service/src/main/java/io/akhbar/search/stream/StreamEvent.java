package io.akhbar.search.stream;

/**
 * One {@code article} event, serialized once and shared by every subscriber of its query.
 *
 * @param json a {@code SearchResult.Hit} as JSON, on one line
 */
record StreamEvent(StreamCursor cursor, String json) {
}
