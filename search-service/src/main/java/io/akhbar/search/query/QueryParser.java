package io.akhbar.search.query;

import io.akhbar.arabic.ArabicNormalizer;
import org.springframework.stereotype.Component;

/** Checks the search parameters and normalizes the query text with the same normalizer the documents went through. */
@Component
class QueryParser {

    private final QueryProperties properties;

    QueryParser(QueryProperties properties) {
        this.properties = properties;
    }

    SearchRequest parse(String query, Integer size) {
        if (query == null || query.isBlank()) {
            throw new InvalidQueryException("q", "must not be empty");
        }
        if (query.length() > properties.maxQueryLength()) {
            throw new InvalidQueryException("q", "must be at most " + properties.maxQueryLength() + " characters");
        }
        int pageSize = size == null ? properties.defaultPageSize() : size;
        if (pageSize < 1 || pageSize > properties.maxPageSize()) {
            throw new InvalidQueryException("size", "must be between 1 and " + properties.maxPageSize());
        }
        String normalized = ArabicNormalizer.normalize(query).strip();
        if (normalized.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new InvalidQueryException("q", "must contain a word");
        }
        return new SearchRequest(query.strip(), normalized, pageSize);
    }
}
