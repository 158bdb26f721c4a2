package io.akhbar.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/search}.
 *
 * @param cursor pass it back as {@code cursor} (with the same query, filters and sort) for the next page; absent on
 *               the last page
 * @param facets on the first page only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(long total, List<Hit> hits, String cursor, Facets facets) {

    static SearchResult empty(boolean firstPage) {
        return new SearchResult(0, List.of(), null, firstPage ? Facets.NONE : null);
    }

    /**
     * @param titleHighlighted the title as HTML with the matched words in {@code <mark>}
     * @param snippet          the first of {@link #snippets}, kept for clients of the first API version
     * @param snippets         passages of the body as HTML, matched words in {@code <mark>}; the body's beginning
     *                         when no word of the body matched
     * @param storyId          the story (group of near-duplicate articles) this article belongs to
     * @param storyArticles    articles in the story, this one included
     * @param otherSources     sources other than this article's that carry the story
     * @param score            relevance; 0 when sorted by date
     */
    public record Hit(String id, String title, String titleHighlighted, String snippet, List<String> snippets,
            String source, String url, Instant publishedAt, String language, double score, List<HitEntity> entities,
            String storyId, long storyArticles, int otherSources) {
    }

    public record HitEntity(String id, String type, String nameAr, String nameEn, int mentionCount, double salience) {
    }

    record Facets(List<EntityBucket> persons, List<EntityBucket> places, List<EntityBucket> organizations,
            List<Bucket> sources, List<Bucket> languages, List<Bucket> days) {

        static final Facets NONE = new Facets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** @param articles matching articles that carry the entity */
    record EntityBucket(String id, String nameAr, String nameEn, long articles) {
    }

    /** @param value a source, a language code or a day (yyyy-MM-dd, UTC) */
    record Bucket(String value, long articles) {
    }
}
