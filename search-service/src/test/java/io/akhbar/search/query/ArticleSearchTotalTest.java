package io.akhbar.search.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The first page's total and page come from two requests that a refresh can fall between. */
class ArticleSearchTotalTest {

    @Test
    void aFirstPageThatIsNotFullIsTheWholeResult() {
        // The facet request saw a refresh more (or one less) than the hits request did.
        assertThat(ArticleSearch.total(9L, 7, true)).isEqualTo(7);
        assertThat(ArticleSearch.total(5L, 7, true)).isEqualTo(7);
    }

    @Test
    void aTotalIsNeverSmallerThanThePageItCounts() {
        assertThat(ArticleSearch.total(9L, 10, false)).isEqualTo(10);
        assertThat(ArticleSearch.total(1_234L, 10, false)).isEqualTo(1_234);
    }

    @Test
    void withoutACountThePageIsTheTotal() {
        assertThat(ArticleSearch.total(null, 10, false)).isEqualTo(10);
    }
}
