package io.akhbar.search.query;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTranslatorTest {

    private final QueryParser parser = new QueryParser(QueryParserTest.PROPERTIES, QueryParserTest.CATALOG,
            new SpellingVariants(new ByteArrayInputStream(new byte[0])));
    private final QueryTranslator translator = new QueryTranslator();

    @Test
    void entitiesMatchEverySpellingAndTheirIdAndNothingIsQuerySyntax() {
        String dsl = dsl("ترمب \"خطة السلام\" -غزة", SearchCriteria.Filters.NONE);

        assertThat(dsl).contains("\"ترامب\"", "\"Trump\"", "\"entityIds\":{\"value\":\"person:donald-trump\"}",
                "\"type\":\"phrase\"", "\"must_not\"", "title.exact^2");
        assertThat(dsl).doesNotContain("query_string", "simple_query_string");
    }

    @Test
    void stopWordsAreSkippedUnlessTheyAreAllThereIs() {
        assertThat(dsl("الرئيس في", SearchCriteria.Filters.NONE)).doesNotContain("\"في\"");
        assertThat(dsl("في", SearchCriteria.Filters.NONE)).contains("\"في\"", "body.exact");
    }

    @Test
    void filtersBecomeFilterClauses() {
        String dsl = dsl("x", new SearchCriteria.Filters(List.of("person:vladimir-putin"),
                List.of(new SearchCriteria.NamedEntity("LOCATION", "Kyiv", "kyiv", null)), List.of("مثال"),
                List.of("ar"), Instant.parse("2026-01-01T00:00:00Z"), null));

        assertThat(dsl).contains("\"filter\"", "\"nested\"", "\"entities.names\":{\"value\":\"kyiv\"}",
                "\"source\":[\"مثال\"]", "\"gte\":\"2026-01-01T00:00:00Z\"");
    }

    private String dsl(String q, SearchCriteria.Filters filters) {
        return JsonpUtils.toJsonString(translator.query(parser.parse(q), filters), new JacksonJsonpMapper());
    }
}
