package io.akhbar.search.query;

/** A checked search: the query text as typed and as the index sees it, and the page size. */
record SearchRequest(String query, String normalizedQuery, int size) {
}
