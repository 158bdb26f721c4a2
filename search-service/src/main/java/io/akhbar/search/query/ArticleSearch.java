package io.akhbar.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultisearchBody;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.akhbar.search.indexing.ArticleDocument;
import io.akhbar.search.indexing.ArticleIndex;
import io.akhbar.search.stories.StoryCounts;
import io.akhbar.search.stories.StorySources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a search: the translated query, highlights in the original text, story counts for the page in one extra
 * aggregation, facets and the exact total on the first page (a second, cacheable request of the same multi-search).
 *
 * <p>Paging is by cursor (search_after on a unique sort, so there is no 10,000-hit window). The first page reads the
 * live index; a point in time is opened only when a client asks for a second page, so that the common one-page
 * search does not pin index segments (Elasticsearch limits open points in time per node). From the second page on,
 * every page reads that same point in time.
 */
@Service
class ArticleSearch {

    private static final Logger log = LoggerFactory.getLogger(ArticleSearch.class);

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final QueryTranslator translator;
    private final StoryCounts stories;
    private final CursorCodec cursors;
    private final QueryProperties properties;
    private final FacetAggregations facets;

    ArticleSearch(ElasticsearchClient client, ArticleIndex index, QueryTranslator translator, StoryCounts stories,
            CursorCodec cursors, QueryProperties properties, FacetAggregations facets) {
        this.client = client;
        this.index = index;
        this.translator = translator;
        this.stories = stories;
        this.cursors = cursors;
        this.properties = properties;
        this.facets = facets;
    }

    SearchResult search(SearchCriteria criteria) {
        Cursor cursor = criteria.cursor();
        checkSortValues(cursor, criteria.sort());
        boolean firstPage = cursor == null;
        boolean withFacets = firstPage && index.isCurrent();
        try {
            String pit = firstPage ? null : cursor.pit() != null ? cursor.pit() : openPit();
            Query query = translator.query(criteria.query(), criteria.filters());
            MsearchResponse<ArticleDocument> responses = client.msearch(m -> {
                m.searches(s -> s.header(h -> pit == null ? h.index(index.alias()) : h)
                        .body(hitsRequest(criteria, query, pit, !withFacets)));
                if (withFacets) {
                    // Facets and the exact total in their own size-0 request: Elasticsearch runs it beside the hits
                    // and may answer it from the shard request cache until the next refresh, which a hits request
                    // never can. It visits every match anyway, so the hits request need not count them: it only
                    // collects the top page and can skip documents that cannot reach it.
                    m.searches(s -> s.header(h -> h.index(index.alias()).requestCache(true))
                            .body(b -> b.size(0).query(query).trackTotalHits(t -> t.enabled(true))
                                    .aggregations(FacetAggregations.of(properties.facetSize()))));
                }
                return m;
            }, ArticleDocument.class);
            MultiSearchItem<ArticleDocument> response = result(responses.responses().get(0));
            MultiSearchItem<ArticleDocument> counted = withFacets ? result(responses.responses().get(1)) : response;
            SearchResult.Facets facetResult = withFacets ? facets.read(counted.aggregations())
                    : firstPage ? SearchResult.Facets.NONE : null;
            List<Hit<ArticleDocument>> hits = response.hits().hits();
            Map<String, StorySources> storySources = stories.of(
                    hits.stream().map(h -> h.source().storyId()).toList(), index.alias());
            String nextPit = response.pitId() != null ? response.pitId() : pit;
            String next = null;
            if (hits.size() == criteria.size()) {
                next = cursors.encode(new Cursor(nextPit, plain(hits.get(hits.size() - 1).sort()),
                        cursors.queryKey(criteria.query(), criteria.filters(), criteria.sort())));
            } else if (nextPit != null) {
                closePit(nextPit);
            }
            long total = total(counted.hits().total() == null ? null : counted.hits().total().value(), hits.size(),
                    firstPage && hits.size() < criteria.size());
            return new SearchResult(total, hits.stream().map(hit -> HitShape.hit(hit, storySources)).toList(), next,
                    facetResult);
        } catch (ElasticsearchException e) {
            String type = e.error().type();
            if ("index_not_found_exception".equals(type)) {
                return SearchResult.empty(firstPage);
            }
            if (!firstPage && (e.status() == 404 || "search_context_missing_exception".equals(type))) {
                throw new InvalidQueryException("cursor", "has expired; search again from the first page");
            }
            if (!firstPage && e.status() == 400) {
                throw CursorCodec.invalid();
            }
            throw new SearchUnavailableException(e);
        } catch (IOException e) {
            throw new SearchUnavailableException(e);
        }
    }

    /**
     * The first page's total comes from the facet request, which may have read the index one refresh apart from the
     * hits request. The page the user sees wins: a first page that is not full holds every match, and no total is
     * smaller than the page.
     *
     * @param counted the total Elasticsearch counted, or null when it counted none
     */
    static long total(Long counted, int hits, boolean wholeResultOnPage) {
        if (counted == null || wholeResultOnPage) {
            return hits;
        }
        return Math.max(counted, hits);
    }

    /** A failed part of a multi-search fails the search as a plain search would, so errors map in one place. */
    private static MultiSearchItem<ArticleDocument> result(MultiSearchResponseItem<ArticleDocument> item) {
        if (item.isFailure()) {
            throw new ElasticsearchException("msearch", item.failure());
        }
        return item.result();
    }

    private MultisearchBody hitsRequest(SearchCriteria criteria, Query query, String pit, boolean countTotal) {
        return MultisearchBody.of(s -> {
            if (pit != null) {
                s.pit(p -> p.id(pit).keepAlive(k -> k.time(properties.cursorKeepAlive().toSeconds() + "s")));
            }
            s.size(criteria.size())
                    .query(query)
                    .trackTotalHits(t -> t.enabled(countTotal))
                    .sort(sort(criteria.sort()))
                    .source(HitShape.SOURCE)
                    .highlight(HitShape.highlight(properties));
            if (criteria.cursor() != null) {
                s.searchAfter(criteria.cursor().searchAfter().stream().map(ArticleSearch::fieldValue).toList());
            }
            return s;
        });
    }

    /** A unique last key (the article id) makes search_after exact, with or without a point in time. */
    private static List<SortOptions> sort(SearchCriteria.Sort sort) {
        List<SortOptions> sorts = new ArrayList<>();
        if (sort == SearchCriteria.Sort.RELEVANCE) {
            sorts.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
        }
        sorts.add(SortOptions.of(o -> o.field(f -> f.field("date").order(SortOrder.Desc).unmappedType(FieldType.Date))));
        sorts.add(SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
        return sorts;
    }

    /** Sort values that could not come from this sort are a forged or corrupted cursor. */
    private static void checkSortValues(Cursor cursor, SearchCriteria.Sort sort) {
        if (cursor == null) {
            return;
        }
        List<Object> values = cursor.searchAfter();
        int expected = sort == SearchCriteria.Sort.RELEVANCE ? 3 : 2;
        if (values.size() != expected || !(values.get(expected - 1) instanceof String)
                || values.subList(0, expected - 1).stream().anyMatch(v -> !(v instanceof Number))) {
            throw CursorCodec.invalid();
        }
    }

    private String openPit() throws IOException {
        return client.openPointInTime(p -> p
                .index(index.alias())
                .keepAlive(k -> k.time(properties.cursorKeepAlive().toSeconds() + "s"))).id();
    }

    /** The last page frees its point in time now rather than after the keep-alive. */
    private void closePit(String pit) {
        try {
            client.closePointInTime(c -> c.id(pit));
        } catch (IOException | RuntimeException e) {
            log.debug("Could not close point in time: {}", e.toString());
        }
    }

    private static List<Object> plain(List<FieldValue> values) {
        return values.stream().map(FieldValue::_get).toList();
    }

    private static FieldValue fieldValue(Object value) {
        if (value instanceof String text) {
            return FieldValue.of(text);
        }
        if (value instanceof Double || value instanceof Float) {
            return FieldValue.of(((Number) value).doubleValue());
        }
        return FieldValue.of(((Number) value).longValue());
    }

    ArticleDocument get(String id) {
        GetResponse<ArticleDocument> response;
        try {
            response = client.get(g -> g.index(index.alias()).id(id)
                    .sourceExcludes(List.of("fingerprintBands", "entities.names")), ArticleDocument.class);
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                throw NotFoundException.article(id);
            }
            throw new SearchUnavailableException(e);
        } catch (IOException e) {
            throw new SearchUnavailableException(e);
        }
        if (!response.found() || response.source() == null) {
            throw NotFoundException.article(id);
        }
        return response.source();
    }
}
