package io.akhbar.search.query;

import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/search/explain}: how the query was read, and the Elasticsearch query it became.
 *
 * @param elasticsearch the query DSL sent to Elasticsearch, for debugging; not a stable interface
 */
record ExplainResult(String query, List<Clause> required, List<Clause> excluded, SearchCriteria.Filters filters,
        SearchCriteria.Sort sort, JsonNode elasticsearch) {
}
