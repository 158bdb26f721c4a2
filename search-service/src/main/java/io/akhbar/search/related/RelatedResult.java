package io.akhbar.search.related;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/articles/{id}/related}: the other articles of the same story, newest first, then
 * articles with similar text and shared entities, most similar first.
 */
record RelatedResult(String id, String storyId, List<Related> related) {

    enum Relation { SAME_STORY, SIMILAR }

    /** @param score similarity; 0 for the same story, which is not ranked by it */
    record Related(String id, String title, String source, String url, Instant publishedAt, String language,
            Relation relation, double score) {
    }
}
