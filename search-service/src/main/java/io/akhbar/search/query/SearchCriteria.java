package io.akhbar.search.query;

import java.time.Instant;
import java.util.List;

/**
 * A checked search request.
 *
 * @param cursor where the previous page ended, or null for the first page
 */
record SearchCriteria(ParsedQuery query, Filters filters, Sort sort, int size, Cursor cursor) {

    enum Sort { RELEVANCE, NEWEST }

    /**
     * @param entityIds    articles must carry each of these entities
     * @param namedEntities articles must carry each of these, found by name
     * @param sources      articles from any of these sources
     * @param languages    articles in any of these languages
     * @param from         published at or after, or null
     * @param to           published before, or null
     */
    record Filters(List<String> entityIds, List<NamedEntity> namedEntities, List<String> sources,
            List<String> languages, Instant from, Instant to) {

        static final Filters NONE = new Filters(List.of(), List.of(), List.of(), List.of(), null, null);

        boolean isEmpty() {
            return entityIds.isEmpty() && namedEntities.isEmpty() && sources.isEmpty() && languages.isEmpty()
                    && from == null && to == null;
        }
    }

    /**
     * A {@code person}, {@code place} or {@code org} filter.
     *
     * @param type       PERSON, LOCATION or ORGANIZATION
     * @param name       as given
     * @param normalized as matched against the names in the index
     * @param entityId   the gazetteer's entity for that name and type, or null when it knows none
     */
    record NamedEntity(String type, String name, String normalized, String entityId) {
    }
}
