package io.akhbar.search.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParserTest {

    private final QueryParser parser = new QueryParser(new QueryProperties(20, 10, 100, 240));

    @Test
    void normalizesTheQueryLikeTheDocuments() {
        SearchRequest request = parser.parse("  الأميركيّ إلى ", null);

        assertThat(request.query()).isEqualTo("الأميركيّ إلى");
        assertThat(request.normalizedQuery()).isEqualTo("الاميركي الي");
        assertThat(request.size()).isEqualTo(10);
    }

    @Test
    void rejectsWhatCannotBeSearched() {
        assertThatThrownBy(() -> parser.parse(null, null)).hasMessage("q: must not be empty");
        assertThatThrownBy(() -> parser.parse("   ", null)).hasMessage("q: must not be empty");
        assertThatThrownBy(() -> parser.parse("ـــ ،،", null)).hasMessage("q: must contain a word");
        assertThatThrownBy(() -> parser.parse("a".repeat(21), null)).hasMessage("q: must be at most 20 characters");
        assertThatThrownBy(() -> parser.parse("بوتين", 0)).hasMessage("size: must be between 1 and 100");
        assertThatThrownBy(() -> parser.parse("بوتين", 101)).hasMessage("size: must be between 1 and 100");
    }
}
