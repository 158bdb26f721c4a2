package io.akhbar.search.stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldAndFormat;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.akhbar.search.indexing.ArticleDocument;
import io.akhbar.search.indexing.ArticleIndex;
import io.akhbar.search.query.LiveQueries;
import io.akhbar.search.query.LiveQueries.LiveQuery;
import io.akhbar.search.stories.StoryCounts;
import io.akhbar.search.stories.StorySources;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.Optional;
import java.util.Set;

/** The stream's Elasticsearch requests: what was indexed lately, which of it matches, what a client missed. */
@Component
class StreamSearches {

    private static final Logger log = LoggerFactory.getLogger(StreamSearches.class);
    /** Queries x new articles per matching request: well under Elasticsearch's search.max_buckets (65,536). */
    private static final int MAX_BUCKETS_PER_REQUEST = 20_000;
    /** Names under which Elasticsearch's search statistics keep each of the stream's requests apart. */
    private static final String LOOK = "stream-look";
    private static final String MATCH = "stream-match";
    private static final String FETCH = "stream-fetch";
    private static final String REPLAY = "stream-replay";
    private static final String BY_QUERY = "by_query";
    private static final String IDS = "ids";
    static final String INDEXED_AT = "indexedAt";
    private static final String KAFKA_PARTITION = "kafkaPartition";
    private static final String KAFKA_OFFSET = "kafkaOffset";
    private static final List<FieldAndFormat> KAFKA_FIELDS = List.of(
            FieldAndFormat.of(f -> f.field(KAFKA_PARTITION)), FieldAndFormat.of(f -> f.field(KAFKA_OFFSET)));
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
    private final RecentDocuments recent;
    private final Counter readBack;

    StreamSearches(ElasticsearchClient client, ArticleIndex index, LiveQueries live, StoryCounts stories,
            JsonMapper json, RecentDocuments recent, MeterRegistry meters) {
        this.client = client;
        this.index = index;
        this.live = live;
        this.stories = stories;
        this.json = json;
        this.recent = recent;
        this.readBack = Counter.builder("akhbar.stream.read.back")
                .description("Matched articles the live stream read back from Elasticsearch, as it keeps only what "
                        + "this instance wrote")
                .register(meters);
    }

    /**
     * The articles indexed at or after {@code fromMillis}, in stream order: sort values only, no source and no stored
     * field, as this runs every poll interval.
     *
     * @param withKafkaPlaces whether to read each article's partition and offset too (a fetch phase of doc values)
     */
    List<Indexed> indexedSince(long fromMillis, int pageSize, int maxArticles, boolean withKafkaPlaces)
            throws IOException {
        List<Indexed> found = new ArrayList<>();
        StreamCursor after = null;
        while (found.size() < maxArticles) {
            StreamCursor last = after;
            SearchResponse<Void> response;
            try {
                response = client.search(s -> {
                    s.index(index.alias()).stats(LOOK)
                            .size(pageSize)
                            .storedFields("_none_")
                            .trackTotalHits(t -> t.enabled(false))
                            .query(indexedAtOrAfter(fromMillis))
                            .sort(STREAM_ORDER);
                    if (withKafkaPlaces) {
                        s.docvalueFields(KAFKA_FIELDS);
                    }
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
            hits.forEach(hit -> found.add(indexed(hit)));
            if (hits.size() < pageSize) {
                break;
            }
            after = found.get(found.size() - 1).cursor();
        }
        return found;
    }

    /**
     * For each query, the events of the {@code fresh} articles it matches, in stream order. One request tells which
     * ids each query matches, whatever the number of queries (aggregations, no hits). The matched articles that this
     * instance wrote are then in {@link RecentDocuments}; one search fetches the others once. An event is the
     * article's hit shape without query highlights (the snippet is its summary), built once and shared by every query
     * that matched it: highlighting each (query, article) pair would make Elasticsearch load and highlight an article
     * once per matching query.
     *
     * <p>Each event's id carries {@code frontier} moved past the matched articles up to it. Articles no query matched
     * do not move it: a frontier only has to be where every article that matches a client's query has been sent, and
     * within a partition the articles before a matched one were searchable, and sent, no later than it.
     */
    Matched matching(List<LiveQuery> queries, List<Indexed> fresh, Frontier frontier) throws IOException {
        Map<String, Indexed> freshById = new HashMap<>();
        fresh.forEach(article -> freshById.put(article.cursor().id(), article));
        List<String> ids = fresh.stream().map(Indexed::cursor).sorted().map(StreamCursor::id).distinct().toList();
        long oldest = fresh.stream().mapToLong(article -> article.cursor().indexedAt()).min().orElse(0);
        List<List<String>> matchedIds = matchedIds(queries, oldest, ids);
        Set<String> matched = new LinkedHashSet<>();
        matchedIds.forEach(matched::addAll);
        // By the look's place, with the Kafka place the document records (the look did not read it).
        Map<Indexed, ArticleDocument> written = new HashMap<>();
        List<String> elsewhere = new ArrayList<>();
        for (String id : matched) {
            Indexed article = freshById.get(id);
            ArticleDocument document = article == null ? null
                    : recent.get(article.index(), id, article.cursor().seqNo());
            if (document == null) {
                elsewhere.add(id);
            } else {
                written.put(new Indexed(article.index(), article.cursor(), document.kafkaPartition(),
                        document.kafkaOffset()), document);
            }
        }
        readBack.increment(elsewhere.size());
        List<Hit<ArticleDocument>> fetched = elsewhere.isEmpty() ? List.of() : client.search(s -> s
                .index(index.alias()).stats(FETCH)
                .size(elsewhere.size())
                .trackTotalHits(t -> t.enabled(false))
                .query(newArticles(oldest, elsewhere))
                .sort(STREAM_ORDER)
                .docvalueFields(KAFKA_FIELDS)
                .source(live.source()), ArticleDocument.class).hits().hits();
        List<ArticleDocument> documents = new ArrayList<>(written.values());
        fetched.forEach(hit -> documents.add(hit.source()));
        Map<String, StorySources> storySources = storySources(documents);
        List<Found> found = new ArrayList<>(found(fetched, storySources));
        written.forEach((article, document) -> found.add(
                new Found(article, json.writeValueAsString(live.hit(document, storySources)))));
        found.sort(Comparator.comparing(article -> article.indexed().cursor()));
        recent.seen(fresh);
        Map<String, StreamEvent> events = new HashMap<>();
        Frontier moved = frontier;
        for (Found article : found) {
            moved = article.indexed().advance(moved);
            events.put(article.indexed().cursor().id(), article.event(new EventId(article.indexed().cursor(), moved)));
        }
        // An article deleted between the two requests is simply not sent.
        return new Matched(matchedIds.stream()
                .map(list -> list.stream().map(events::get).filter(Objects::nonNull).toList())
                .toList(), moved);
    }

    /**
     * @param byQuery  for each query, the events of the articles it matched, in stream order
     * @param frontier the frontier after the last of them
     */
    record Matched(List<List<StreamEvent>> byQuery, Frontier frontier) {
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
                        .body(b -> b.stats(MATCH)
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
    List<Found> after(LiveQuery query, StreamCursor after, int size) throws IOException {
        return replayPage(Query.of(q -> q.bool(bool -> bool
                .must(query.query())
                .filter(indexedAtOrAfter(after.indexedAt())))), after, size);
    }

    /**
     * The articles matching {@code query}, indexed from {@code sinceMillis} to {@code before}'s millisecond, that lie
     * beyond {@code frontier} in their partition, in stream order after {@code pageAfter} (null for the first page):
     * what a client whose last event was {@code before} may have missed because another writer's older bulk became
     * searchable after that event. Articles after {@code before} in stream order may come too.
     */
    List<Found> beyond(LiveQuery query, StreamCursor before, Frontier frontier, long sinceMillis,
            StreamCursor pageAfter, int size) throws IOException {
        Query late = Query.of(q -> q.bool(bool -> bool
                .must(query.query())
                .filter(f -> f.range(r -> r.date(d -> d.field(INDEXED_AT)
                        .gte(Long.toString(sinceMillis)).lte(Long.toString(before.indexedAt()))
                        .format("epoch_millis"))))
                .filter(beyond(frontier))));
        return replayPage(late, pageAfter, size);
    }

    /**
     * In a partition the frontier has, an offset above it; in one it has not, anything (nothing of that partition had
     * been sent). Articles indexed before partitions were recorded match neither.
     */
    private static Query beyond(Frontier frontier) {
        List<Query> clauses = new ArrayList<>();
        List<FieldValue> known = new ArrayList<>();
        frontier.offsets().forEach((partition, offset) -> {
            known.add(FieldValue.of(partition));
            clauses.add(Query.of(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field(KAFKA_PARTITION).value(partition)))
                    .filter(f -> f.range(r -> r.untyped(n -> n.field(KAFKA_OFFSET).gt(JsonData.of(offset))))))));
        });
        clauses.add(Query.of(q -> q.bool(b -> {
            b.filter(f -> f.exists(e -> e.field(KAFKA_PARTITION)));
            if (!known.isEmpty()) {
                b.mustNot(m -> m.terms(t -> t.field(KAFKA_PARTITION).terms(v -> v.value(known))));
            }
            return b;
        })));
        return Query.of(q -> q.bool(b -> b.should(clauses).minimumShouldMatch("1")));
    }

    private List<Found> replayPage(Query query, StreamCursor after, int size) throws IOException {
        SearchResponse<ArticleDocument> response;
        try {
            response = client.search(s -> {
                s.index(index.alias()).stats(REPLAY)
                        .size(size)
                        .trackTotalHits(t -> t.enabled(false))
                        .query(query)
                        .sort(STREAM_ORDER)
                        .docvalueFields(KAFKA_FIELDS)
                        .source(live.source());
                if (after != null) {
                    s.searchAfter(searchAfter(after));
                }
                return s;
            }, ArticleDocument.class);
        } catch (ElasticsearchException e) {
            if (indexMissing(e.error().type())) {
                return List.of();
            }
            throw e;
        }
        return found(response.hits().hits());
    }

    /** An article as the stream sends it, and where it stands. */
    record Found(Indexed indexed, String json) {

        StreamEvent event(EventId id) {
            return new StreamEvent(indexed.cursor(), id, json);
        }
    }

    private Map<String, StorySources> storySources(List<ArticleDocument> documents) {
        List<String> storyIds = documents.stream().map(ArticleDocument::storyId).filter(Objects::nonNull).toList();
        try {
            return stories.of(storyIds, index.alias());
        } catch (IOException | RuntimeException e) {
            // The articles matter more than their story counts: send them without.
            log.debug("No story counts for the stream: {}", e.toString());
            return Map.of();
        }
    }

    private List<Found> found(List<Hit<ArticleDocument>> hits) {
        return found(hits, storySources(hits.stream().map(Hit::source).toList()));
    }

    private List<Found> found(List<Hit<ArticleDocument>> hits, Map<String, StorySources> storySources) {
        return hits.stream()
                .map(hit -> new Found(indexed(hit), json.writeValueAsString(live.hit(hit, storySources))))
                .toList();
    }

    private static Indexed indexed(Hit<?> hit) {
        List<FieldValue> sort = hit.sort();
        StreamCursor cursor = new StreamCursor(sort.get(0).longValue(), sort.get(1).longValue(),
                sort.get(2).stringValue());
        return new Indexed(hit.index(), cursor, docValue(hit, KAFKA_PARTITION).map(Number::intValue).orElse(null),
                docValue(hit, KAFKA_OFFSET).map(Number::longValue).orElse(null));
    }

    private static Optional<Number> docValue(Hit<?> hit, String field) {
        JsonData values = hit.fields().get(field);
        if (values == null) {
            return Optional.empty();
        }
        List<?> list = values.to(List.class);
        return list.isEmpty() ? Optional.empty() : Optional.of((Number) list.get(0));
    }

    private static List<FieldValue> searchAfter(StreamCursor cursor) {
        return List.of(FieldValue.of(cursor.indexedAt()), FieldValue.of(cursor.seqNo()), FieldValue.of(cursor.id()));
    }

    private static boolean indexMissing(String type) {
        return "index_not_found_exception".equals(type);
    }
}
