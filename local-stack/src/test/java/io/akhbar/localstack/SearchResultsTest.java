package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchResultsTest {

    private static final String ANSWER = """
            {"total": 2, "hits": [
              {"id": "a1", "title": "ويتكوف وكوشنر إلى موسكو", "snippet": "…", "source": "x",
               "publishedAt": null, "language": "ar", "score": 3.14159},
              {"id": "b2", "title": "اللقاء الثالث", "score": 1.0}
            ]}
            """;

    @Test
    void readsTotalAndHits() {
        SearchResults results = SearchResults.parse(ANSWER);

        assertThat(results.total()).isEqualTo(2);
        assertThat(results.hits()).extracting(SearchResults.Hit::id).containsExactly("a1", "b2");
        assertThat(results.containsId("b2")).isTrue();
        assertThat(results.containsId("c3")).isFalse();
    }

    @Test
    void rendersATableWithScoreIdAndTitle() {
        String table = SearchResults.parse(ANSWER).toTable();

        assertThat(table.lines()).hasSize(4);
        assertThat(table.lines().skip(2).findFirst()).hasValueSatisfying(row ->
                assertThat(row).contains("3.142", "a1", "ويتكوف وكوشنر إلى موسكو"));
    }

    @Test
    void saysSoWhenNothingMatched() {
        assertThat(SearchResults.parse("{\"total\":0,\"hits\":[]}").toTable()).contains("no hits");
    }
}
