package io.akhbar.search.query;

import java.time.Instant;
import java.util.List;

/** The answer of {@code GET /api/v1/search}. */
record SearchResult(long total, List<Hit> hits) {

    /** @param snippet a passage of the body with the matched words in {@code <mark>}, or its beginning */
    record Hit(String id, String title, String snippet, String source, Instant publishedAt, String language,
            double score) {
    }
}
