package io.akhbar.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search request search-service sends to Elasticsearch for {@code q} and {@code size} (first page, relevance
 * order), rebuilt here so that the same work can be sent to Elasticsearch directly. Mirrors {@code ArticleSearch},
 * {@code QueryTranslator} and {@code FacetAggregations} of search-service as of November 2026: the query with
 * highlighting of title and body, the score/date/id sort, source filtering, total hits, and the facet aggregations
 * in a second request of the same multi-search.
 * Not sent directly: the service's second request per page (story counts of the hits).
 *
 * <p>The query itself is best taken from the service ({@code /api/v1/search/explain}), which knows the spelling
 * variants and entities; {@link #equivalentQuery} is the fallback for plain words.
 */
final class DirectQuery {

    static final List<String> HIDDEN_FIELDS = List.of(
            "body", "fingerprintBands", "entities.names", "entities.mentions", "keywords", "quotes");
    static final String APPLICATION_YAML = "search-service/src/main/resources/application.yml";

    /**
     * The service's {@code akhbar.query} settings that shape the request; read from its {@code application.yml} so
     * that they follow the service.
     */
    record Settings(int snippetLength, int snippets, int facetSize) {

        static final Settings DEFAULTS = new Settings(160, 3, 10);

        static Settings fromApplicationYaml(Path projectRoot) {
            try {
                return parse(Files.readString(projectRoot.resolve(APPLICATION_YAML), StandardCharsets.UTF_8));
            } catch (IOException e) {
                return DEFAULTS;
            }
        }

        /** The first {@code snippet-length:}, {@code snippets:} and {@code facet-size:} of the file, or defaults. */
        static Settings parse(String yaml) {
            return new Settings(setting(yaml, "snippet-length", DEFAULTS.snippetLength),
                    setting(yaml, "snippets", DEFAULTS.snippets), setting(yaml, "facet-size", DEFAULTS.facetSize));
        }

        private static int setting(String yaml, String key, int fallback) {
            Matcher matcher = Pattern.compile("(?m)^\\s+" + Pattern.quote(key) + ":\\s*(\\d+)\\s*$").matcher(yaml);
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : fallback;
        }
    }

    private DirectQuery() {
    }

    /** Every word required, each on the analyzed fields, with a bonus for the surface form on the .exact fields. */
    static Map<String, Object> equivalentQuery(String text) {
        List<Object> must = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            must.add(Map.of("bool", Map.of(
                    "should", List.of(
                            multiMatch(word, List.of("title^2", "body"), 1.0, 0.3),
                            multiMatch(word, List.of("title.exact^2", "body.exact"), 0.3, null)),
                    "minimum_should_match", "1")));
        }
        return Map.of("bool", Map.of("must", must));
    }

    private static Map<String, Object> multiMatch(String text, List<String> fields, double boost, Double tieBreaker) {
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("query", text);
        match.put("fields", fields);
        match.put("type", "best_fields");
        match.put("operator", "and");
        if (tieBreaker != null) {
            match.put("tie_breaker", tieBreaker);
        }
        if (boost != 1.0) {
            match.put("boost", boost);
        }
        return Map.of("multi_match", match);
    }

    /**
     * The whole multi-search around {@code query}, as the service sends it for a first page: the hits (without a
     * total), and the facets with the exact total as a second, size-0 request that Elasticsearch may answer from its
     * shard request cache.
     */
    static String searchBody(Object query, int size, Settings settings) {
        Map<String, Object> hits = new LinkedHashMap<>();
        hits.put("size", size);
        hits.put("query", query);
        hits.put("track_total_hits", false);
        hits.put("sort", List.of(
                Map.of("_score", Map.of("order", "desc")),
                Map.of("date", Map.of("order", "desc", "unmapped_type", "date")),
                Map.of("id", Map.of("order", "asc"))));
        hits.put("_source", Map.of("excludes", HIDDEN_FIELDS));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", Map.of("number_of_fragments", 0));
        fields.put("body", Map.of("fragment_size", settings.snippetLength(),
                "number_of_fragments", settings.snippets(), "no_match_size", settings.snippetLength()));
        Map<String, Object> highlight = new LinkedHashMap<>();
        highlight.put("encoder", "html");
        highlight.put("pre_tags", List.of("<mark>"));
        highlight.put("post_tags", List.of("</mark>"));
        highlight.put("fields", fields);
        hits.put("highlight", highlight);
        Map<String, Object> facets = new LinkedHashMap<>();
        facets.put("size", 0);
        facets.put("query", query);
        facets.put("track_total_hits", true);
        facets.put("aggs", facets(settings.facetSize()));
        return JsonText.write(Map.of()) + "\n" + JsonText.write(hits) + "\n"
                + JsonText.write(Map.of("request_cache", true)) + "\n" + JsonText.write(facets) + "\n";
    }

    static Map<String, Object> facets(int size) {
        Map<String, Object> aggregations = new LinkedHashMap<>();
        Map<String, String> entityFacets = new LinkedHashMap<>();
        entityFacets.put("persons", "person:");
        entityFacets.put("places", "location:");
        entityFacets.put("organizations", "organization:");
        entityFacets.forEach((name, prefix) -> aggregations.put(name, Map.of("terms", Map.of(
                "field", "entityIds", "size", size, "include", prefix + ".*"))));
        aggregations.put("sources", Map.of("terms", Map.of("field", "source", "size", size)));
        aggregations.put("languages", Map.of("terms", Map.of("field", "language", "size", size)));
        aggregations.put("days", Map.of("date_histogram", Map.of("field", "date", "calendar_interval", "day",
                "format", "yyyy-MM-dd", "min_doc_count", 1)));
        return aggregations;
    }
}
