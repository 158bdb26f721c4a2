package io.akhbar.search.query;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchCriteriaParserTest {

    private final CursorCodec cursors = new CursorCodec(JsonMapper.builder().build());
    private final SearchCriteriaParser parser = new SearchCriteriaParser(QueryParserTest.PROPERTIES,
            new QueryParser(QueryParserTest.PROPERTIES, QueryParserTest.CATALOG,
                    new SpellingVariants(new ByteArrayInputStream(new byte[0]))),
            QueryParserTest.CATALOG, cursors);

    @Test
    void filtersAreCheckedAndNamesResolvedToEntitiesOfTheRightType() {
        SearchCriteria criteria = parser.parse(params("بوتين", p -> new SearchParameters(p.q(), List.of("ترمب"),
                List.of("Putin"), List.of(), List.of("location:ua"), List.of("الشرق الأوسط"), List.of("AR"),
                "2026-01-01", "2026-01-31", "newest", 20, null)));

        SearchCriteria.Filters filters = criteria.filters();
        assertThat(filters.namedEntities()).containsExactly(
                new SearchCriteria.NamedEntity("PERSON", "ترمب", "ترمب", "person:donald-trump"),
                // Putin is a person, not a place: the filter keeps the name and resolves to no entity.
                new SearchCriteria.NamedEntity("LOCATION", "Putin", "putin", null));
        assertThat(filters.entityIds()).containsExactly("location:ua");
        assertThat(filters.languages()).containsExactly("ar");
        assertThat(filters.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(filters.to()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(criteria.sort()).isEqualTo(SearchCriteria.Sort.NEWEST);
        assertThat(criteria.size()).isEqualTo(20);
    }

    @Test
    void withoutTextAFilterIsNeededAndTheNewestComeFirst() {
        assertThatThrownBy(() -> parser.parse(params(null, p -> p))).hasMessage("q: must not be empty unless a filter is given");
        SearchCriteria criteria = parser.parse(params(null, p -> new SearchParameters(null, List.of(), List.of(),
                List.of(), List.of("person:vladimir-putin"), null, null, null, null, null, null, null)));
        assertThat(criteria.sort()).isEqualTo(SearchCriteria.Sort.NEWEST);
        assertThat(parser.parse(params("x", p -> p)).sort()).isEqualTo(SearchCriteria.Sort.RELEVANCE);
    }

    @Test
    void everyBadParameterIsNamed() {
        assertRejected(p -> withSize(p, 0), "size: must be between 1 and 100");
        assertRejected(p -> withSize(p, 101), "size: must be between 1 and 100");
        assertRejected(p -> with(p, null, null, "sideways", null), "sort: must be relevance or newest");
        assertRejected(p -> with(p, "22/01/2026", null, null, null), "from: must be a date");
        assertRejected(p -> with(p, null, "2026-13-01", null, null), "to: must be a date");
        assertRejected(p -> with(p, "2026-02-01", "2026-01-01", null, null), "to: must be after from");
        assertRejected(p -> with(p, null, null, null, "not base64 at all!"), "cursor: is not a cursor");
        assertRejected(p -> with(p, null, null, null, Base64.getUrlEncoder().encodeToString("{\"x\":1}".getBytes())),
                "cursor: is not a cursor");
        assertRejected(p -> new SearchParameters("x", null, null, null, List.of("Putin"), null, null, null, null, null,
                null, null), "entity: is not an entity id");
        assertRejected(p -> new SearchParameters("x", null, null, null, null, null, List.of("arabic"), null, null,
                null, null, null), "lang: must be an ISO 639 language code");
    }

    @Test
    void aCursorOnlyContinuesTheQueryItCameFrom() {
        SearchCriteria first = parser.parse(params("بوتين", p -> p));
        String cursor = cursors.encode(new Cursor(null, List.of(1.5, 1767225600000L, "a1"),
                cursors.queryKey(first.query(), first.filters(), first.sort())));

        SearchCriteria next = parser.parse(params("بوتين", p -> with(p, null, null, null, cursor)));
        assertThat(next.cursor().searchAfter()).containsExactly(1.5, 1767225600000L, "a1");
        assertThatThrownBy(() -> parser.parse(params("ترمب", p -> with(p, null, null, null, cursor))))
                .hasMessageStartingWith("cursor: belongs to another query");
    }

    private void assertRejected(java.util.function.UnaryOperator<SearchParameters> change, String message) {
        assertThatThrownBy(() -> parser.parse(params("x", change))).isInstanceOf(InvalidQueryException.class)
                .hasMessageStartingWith(message);
    }

    private static SearchParameters params(String q, java.util.function.UnaryOperator<SearchParameters> change) {
        return change.apply(new SearchParameters(q, null, null, null, null, null, null, null, null, null, null, null));
    }

    private static SearchParameters withSize(SearchParameters p, int size) {
        return new SearchParameters(p.q(), p.person(), p.place(), p.org(), p.entity(), p.source(), p.lang(), p.from(),
                p.to(), p.sort(), size, p.cursor());
    }

    private static SearchParameters with(SearchParameters p, String from, String to, String sort, String cursor) {
        return new SearchParameters(p.q(), p.person(), p.place(), p.org(), p.entity(), p.source(), p.lang(), from, to,
                sort, p.size(), cursor);
    }
}
