package io.akhbar.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import io.akhbar.search.indexing.ArticleDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "search")
class SearchController {

    private final SearchCriteriaParser criteria;
    private final ArticleSearch search;
    private final QueryTranslator translator;
    private final ElasticsearchClient client;
    private final JsonMapper json;

    SearchController(SearchCriteriaParser criteria, ArticleSearch search, QueryTranslator translator,
            ElasticsearchClient client, JsonMapper json) {
        this.criteria = criteria;
        this.search = search;
        this.translator = translator;
        this.client = client;
        this.json = json;
    }

    @GetMapping("/search")
    @Operation(summary = "Search articles",
            description = "Words are all required; \"a phrase\" keeps its words together; a OR b needs either; -word "
                    + "excludes. Names are found in every spelling and language (Putin, بوتين). Filters of different "
                    + "kinds combine with AND; repeated person/place/org/entity values must all match, repeated "
                    + "source/lang values any. Page on with the returned cursor.")
    SearchResult search(
            @Parameter(description = "query text; optional when a filter is given") @RequestParam(required = false) String q,
            @Parameter(description = "person's name, any spelling or language") @RequestParam(required = false) List<String> person,
            @Parameter(description = "place name") @RequestParam(required = false) List<String> place,
            @Parameter(description = "organization name") @RequestParam(required = false) List<String> org,
            @Parameter(description = "entity id, e.g. person:vladimir-putin") @RequestParam(required = false) List<String> entity,
            @Parameter(description = "source as indexed") @RequestParam(required = false) List<String> source,
            @Parameter(description = "language code, e.g. ar") @RequestParam(required = false) List<String> lang,
            @Parameter(description = "published at or after: 2026-01-22 or 2026-01-22T10:00:00Z") @RequestParam(required = false) String from,
            @Parameter(description = "published before; a day includes that whole day") @RequestParam(required = false) String to,
            @Parameter(description = "relevance (default with q) or newest (default without)") @RequestParam(required = false) String sort,
            @Parameter(description = "hits per page, 1 to 100") @RequestParam(required = false) Integer size,
            @Parameter(description = "from the previous page, to get the next") @RequestParam(required = false) String cursor) {
        return search.search(criteria.parse(
                new SearchParameters(q, person, place, org, entity, source, lang, from, to, sort, size, cursor)));
    }

    @GetMapping("/search/explain")
    @Operation(summary = "Show how a query is read",
            description = "The parsed and normalized query (words, phrases, OR groups, exclusions, recognized entities "
                    + "with their spellings, spelling variants, skipped stop words) and the Elasticsearch query.")
    ExplainResult explain(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> person,
            @RequestParam(required = false) List<String> place,
            @RequestParam(required = false) List<String> org,
            @RequestParam(required = false) List<String> entity,
            @RequestParam(required = false) List<String> source,
            @RequestParam(required = false) List<String> lang,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String sort) {
        SearchCriteria parsed = criteria.parse(
                new SearchParameters(q, person, place, org, entity, source, lang, from, to, sort, null, null));
        String dsl = JsonpUtils.toJsonString(translator.query(parsed.query(), parsed.filters()), client._jsonpMapper());
        return new ExplainResult(parsed.query().text(), parsed.query().required(), parsed.query().excluded(),
                parsed.filters(), parsed.sort(), json.readTree(dsl));
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "One article as indexed")
    ArticleDocument article(@PathVariable String id) {
        return search.get(Parameters.articleId(id));
    }
}
