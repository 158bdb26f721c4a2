package io.akhbar.search.stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.akhbar.search.indexing.ArticleDocument;
import io.akhbar.search.indexing.ArticleIndex;
import io.akhbar.search.query.LiveQueries;
import io.akhbar.search.query.LiveQueries.LiveQuery;
import io.akhbar.search.stories.StoryCounts;
import io.akhbar.search.stories.StorySources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The stream's Elasticsearch requests: what was indexed lately, which of it matches, what a client missed. */
@Component
class StreamSearches {

    private static final Logger log = LoggerFactory.getLogger(StreamSearches.class);
    /** Queries x new articles per matching request: well under Elasticsearch's search.max_buckets (65,536). */
    private static final int MAX_BUCKETS_PER_REQUEST = 20_000;
    private static final String BY_QUERY = "by_query";
    private static final String IDS = "ids";
    static final String INDEXED_AT = "indexedAt";
    /** {@link StreamCursor}'s order. */
    private static final List<SortOptions> STREAM_ORDER = List.of(
            SortOptions.of(o -> o.field(f -> f.field(INDEXED_AT).order(SortOrder.Asc))),
            SortOptions.of(o -> o.field(f -> f.field("_seq_no").order(SortOrder.Asc))),
            SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final LiveQueries live;
    private final StoryCounts stories;
    private final JsonMapper json;

    StreamSearches(ElasticsearchClient client, ArticleIndex index, LiveQueries live, StoryCounts stories,
            JsonMapper json) {
        this.client = client;
        this.index = index;
        this.live = live;
        this.stories = stories;
        this.json = json;
    }

    /**
     * Ids and {@code indexedAt} of the articles indexed at or after {@code fromMillis}, in stream order: sort values
     * only, no source and no stored field, as this runs every poll interval.
     */
    List<StreamCursor> indexedSince(long fromMillis, int pageSize, int maxArticles) throws IOException {
        List<StreamCursor> found = new ArrayList<>();
        StreamCursor after = null;
        while (found.size() < maxArticles) {
            StreamCursor last = after;
            SearchResponse<Void> response;
            try {
                response = client.search(s -> {
                    s.index(index.alias())
                            .size(pageSize)
                            .storedFields("_none_")
                            .trackTotalHits(t -> t.enabled(false))
                            .query(indexedAtOrAfter(fromMillis))
                            .sort(STREAM_ORDER);
                    if (last != null) {
                        s.searchAfter(searchAfter(last));
                    }
                    return s;
                }, Void.class);
            } catch (ElasticsearchException e) {
                if (indexMissing(e.error().type())) {
                    return found;
                }
                throw e;
            }
            List<Hit<Void>> hits = response.hits().hits();
            hits.forEach(hit -> found.add(cursor(hit)));
            if (hits.size() < pageSize) {
                break;
            }
            after = found.get(found.size() - 1);
        }
        return found;
    }

    /**
     * For each query, the events of the {@code fresh} articles it matches, in stream order. Two requests whatever
     * the number of queries: one that only tells which ids each query matches (aggregations, no hits), then one
     * search that fetches every matched article once. An event is the article's hit shape without query highlights
     * (the snippet is its summary), built once and shared by every query that matched it: highlighting each (query,
     * article) pair would make Elasticsearch load and highlight an article once per matching query.
     */
    List<List<StreamEvent>> matching(List<LiveQuery> queries, List<StreamCursor> fresh) throws IOException {
        List<String> ids = fresh.stream().sorted().map(StreamCursor::id).distinct().toList();
        long oldest = fresh.stream().mapToLong(StreamCursor::indexedAt).min().orElse(0);
        List<List<String>> matchedIds = matchedIds(queries, oldest, ids);
        Set<String> matched = new LinkedHashSet<>();
        matchedIds.forEach(matched::addAll);
        Map<String, StreamEvent> events = new HashMap<>();
        if (!matched.isEmpty()) {
            SearchResponse<ArticleDocument> response = client.search(s -> s
                    .index(index.alias())
                    .size(matched.size())
                    .trackTotalHits(t -> t.enabled(false))
                    .query(newArticles(oldest, List.copyOf(matched)))
                    .sort(STREAM_ORDER)
                    .source(live.source()), ArticleDocument.class);
            List<Hit<ArticleDocument>> hits = response.hits().hits();
            events(hits, storySources(hits)).forEach(event -> events.put(event.cursor().id(), event));
        }
        // An article deleted between the two requests is simply not sent.
        return matchedIds.stream()
                .map(list -> list.stream().map(events::get).filter(Objects::nonNull).toList())
                .toList();
    }

    /**
     * Which of the new articles each query matches, in stream order. Each query is one filter of a filters
     * aggregation over the new articles only, with their ids as a terms sub-aggregation: one shard request for many
     * queries instead of a search each, the queries run as filters (no scores, so no term statistics over the whole
     * index), and only the few documents that pass the new-articles filter are ever tested against them. Queries go
     * in groups, so that a response stays within Elasticsearch's bucket limit however many there are.
     */
    private List<List<String>> matchedIds(List<LiveQuery> queries, long oldest, List<String> ids)
            throws IOException {
        Query newArticles = newArticles(oldest, ids);
        int perRequest = Math.max(1, MAX_BUCKETS_PER_REQUEST / Math.max(1, ids.size()));
        List<List<LiveQuery>> groups = new ArrayList<>();
        for (int from = 0; from < queries.size(); from += perRequest) {
            groups.add(queries.subList(from, Math.min(queries.size(), from + perRequest)));
        }
        MsearchResponse<Void> response = client.msearch(m -> {
            for (List<LiveQuery> group : groups) {
                List<Query> filters = group.stream().map(query -> newOnly(oldest, query.query())).toList();
                m.searches(s -> s
                        // Every look asks about other ids: caching the answer would only churn the request cache.
                        .header(h -> h.index(index.alias()).ignoreUnavailable(true).requestCache(false))
                        .body(b -> b
                                .size(0)
                                .trackTotalHits(t -> t.enabled(false))
                                .query(newArticles)
                                .aggregations(BY_QUERY, a -> a
                                        .filters(f -> f.filters(buckets -> buckets.array(filters)))
                                        .aggregations(IDS, ids(ids.size())))));
            }
            return m;
        }, Void.class);
        Map<String, Integer> streamOrder = new HashMap<>();
        ids.forEach(id -> streamOrder.putIfAbsent(id, streamOrder.size()));
        List<List<String>> matched = new ArrayList<>();
        // ids come in stream order; the terms buckets do not.
        for (int g = 0; g < groups.size(); g++) {
            MultiSearchResponseItem<Void> item = response.responses().get(g);
            if (item.isFailure() && !indexMissing(item.failure().error().type())) {
                log.warn("Stream queries failed: {}", item.failure().error().reason());
            }
            Aggregate byQuery = item.isFailure() ? null : item.result().aggregations().get(BY_QUERY);
            if (byQuery == null) {
                groups.get(g).forEach(query -> matched.add(List.of()));
                continue;
            }
            for (FiltersBucket bucket : byQuery.filters().buckets().array()) {
                matched.add(bucket.aggregations().get(IDS).sterms().buckets().array().stream()
                        .map(id -> id.key().stringValue())
                        .sorted(Comparator.comparing(id -> streamOrder.getOrDefault(id, Integer.MAX_VALUE)))
                        .toList());
            }
        }
        return matched;
    }

    private static Aggregation ids(int size) {
        return Aggregation.of(a -> a.terms(t -> t.field("id").size(Math.max(1, size))));
    }

    /**
     * The articles with these ids, the indexedAt range first: every segment older than the new articles (all but the
     * newest few) is ruled out from its point bounds before the ids are looked up in it.
     */
    private static Query newArticles(long indexedSince, List<String> ids) {
        return newOnly(indexedSince, idsFilter(ids));
    }

    /**
     * {@code query} for articles indexed since {@code indexedSince}, the range first: a filters aggregation sets up
     * every filter in every segment, and a conjunction that starts with a range no document of the segment can match
     * stops there, before the query's terms are looked up in it.
     */
    private static Query newOnly(long indexedSince, Query query) {
        return Query.of(q -> q.bool(bool -> bool.filter(indexedAtOrAfter(indexedSince)).filter(query)));
    }

    private static Query indexedAtOrAfter(long millis) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field(INDEXED_AT)
                .gte(Long.toString(millis)).format("epoch_millis"))));
    }

    private static Query idsFilter(List<String> ids) {
        List<FieldValue> values = ids.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field("id").terms(v -> v.value(values))));
    }

    /** The articles matching {@code query} after {@code after} in stream order, for a resuming client. */
    List<StreamEvent> after(LiveQuery query, StreamCursor after, int size) throws IOException {
        SearchResponse<ArticleDocument> response;
        try {
            response = client.search(s -> s
                    .index(index.alias())
                    .size(size)
                    .trackTotalHits(t -> t.enabled(false))
                    .query(q -> q.bool(bool -> bool
                            .must(query.query())
                            .filter(indexedAtOrAfter(after.indexedAt()))))
                    .sort(STREAM_ORDER)
                    .searchAfter(searchAfter(after))
                    .source(live.source()), ArticleDocument.class);
        } catch (ElasticsearchException e) {
            if (indexMissing(e.error().type())) {
                return List.of();
            }
            throw e;
        }
        List<Hit<ArticleDocument>> hits = response.hits().hits();
        return events(hits, storySources(hits));
    }

    private Map<String, StorySources> storySources(List<Hit<ArticleDocument>> hits) {
        List<String> storyIds = hits.stream().map(hit -> hit.source().storyId()).filter(Objects::nonNull).toList();
        try {
            return stories.of(storyIds, index.alias());
        } catch (IOException | RuntimeException e) {
            // The articles matter more than their story counts: send them without.
            log.debug("No story counts for the stream: {}", e.toString());
            return Map.of();
        }
    }

    private List<StreamEvent> events(List<Hit<ArticleDocument>> hits, Map<String, StorySources> storySources) {
        return hits.stream()
                .map(hit -> new StreamEvent(cursor(hit), json.writeValueAsString(live.hit(hit, storySources))))
                .toList();
    }

    private static StreamCursor cursor(Hit<?> hit) {
        List<FieldValue> sort = hit.sort();
        return new StreamCursor(sort.get(0).longValue(), sort.get(1).longValue(), sort.get(2).stringValue());
    }

    private static List<FieldValue> searchAfter(StreamCursor cursor) {
        return List.of(FieldValue.of(cursor.indexedAt()), FieldValue.of(cursor.seqNo()), FieldValue.of(cursor.id()));
    }

    private static boolean indexMissing(String type) {
        return "index_not_found_exception".equals(type);
    }
}
