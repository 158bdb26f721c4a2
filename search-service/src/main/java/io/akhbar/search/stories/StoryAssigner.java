package io.akhbar.search.stories;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldAndFormat;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultisearchBody;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Gives each article the story id of an earlier near-duplicate (SimHash within {@code maxDistance} bits, published
 * within {@code window}), or its own id. Candidates come from the index (by fingerprint band), from earlier articles
 * of the same batch, and from the latest assignments in memory, which covers copies that arrive before the index
 * has refreshed. Two instances that index near-duplicates at the same moment can still open two stories; that is the
 * price of not locking.
 */
@Service
public class StoryAssigner {

    private static final int CANDIDATES_PER_ARTICLE = 20;
    /** Candidates looked up in one request (one filters bucket each). */
    private static final int CANDIDATES_PER_SEARCH = 100;
    /** Elasticsearch's search statistics keep this request's query and fetch time apart under this name. */
    private static final String STATS_GROUP = "story-look-up";
    private static final String PER_CANDIDATE = "candidates";
    private static final String EARLIER = "earlier";
    private static final List<FieldAndFormat> DOC_VALUE_FIELDS = List.of(
            FieldAndFormat.of(f -> f.field("fingerprint")),
            FieldAndFormat.of(f -> f.field("storyId")),
            FieldAndFormat.of(f -> f.field("date").format("epoch_millis")));

    private final ElasticsearchClient client;
    private final StoryProperties properties;
    private final RecentStories recent;

    StoryAssigner(ElasticsearchClient client, StoryProperties properties) {
        this.client = client;
        this.properties = properties;
        this.recent = new RecentStories(properties.recentCacheSize());
    }

    /**
     * @param index the index (or alias) whose documents are the earlier articles
     * @return the story id of every candidate, by article id
     * @throws IOException when the index cannot be asked; nothing is assigned then
     */
    public Map<String, String> assign(List<StoryCandidate> candidates, String index) throws IOException {
        List<StoryCandidate> toLookUp = candidates.stream()
                .filter(c -> c.storyId() == null && Fingerprint.parse(c.fingerprint()).isPresent())
                .toList();
        Map<String, List<Earlier>> fromIndex = lookUp(toLookUp, index);
        Map<String, String> stories = new LinkedHashMap<>();
        List<Earlier> batch = new ArrayList<>();
        for (StoryCandidate candidate : candidates) {
            OptionalLong fingerprint = Fingerprint.parse(candidate.fingerprint());
            String story = candidate.storyId() != null ? candidate.storyId()
                    : fingerprint.isEmpty() ? candidate.articleId()
                    : choose(candidate, fingerprint.getAsLong(), fromIndex.getOrDefault(candidate.articleId(), List.of()), batch);
            stories.put(candidate.articleId(), story);
            if (fingerprint.isPresent()) {
                Earlier assigned = new Earlier(candidate.articleId(), fingerprint.getAsLong(), story, candidate.date());
                batch.add(assigned);
                recent.remember(assigned);
            }
        }
        return stories;
    }

    private String choose(StoryCandidate candidate, long fingerprint, List<Earlier> indexed, List<Earlier> batch) {
        // An article indexed again keeps its story, whatever else has come close since.
        for (Earlier earlier : indexed) {
            if (earlier.articleId().equals(candidate.articleId())) {
                return earlier.storyId();
            }
        }
        Earlier best = null;
        int bestDistance = Integer.MAX_VALUE;
        List<Earlier> all = new ArrayList<>(indexed);
        all.addAll(batch);
        all.addAll(recent.near(fingerprint, properties.maxDistance()));
        for (Earlier earlier : all) {
            if (earlier.articleId().equals(candidate.articleId()) || !withinWindow(candidate.date(), earlier.date())) {
                continue;
            }
            int distance = Fingerprint.distance(fingerprint, earlier.fingerprint());
            if (distance <= properties.maxDistance() && (distance < bestDistance
                    || distance == bestDistance && isEarlier(earlier, best))) {
                best = earlier;
                bestDistance = distance;
            }
        }
        return best == null ? candidate.articleId() : best.storyId();
    }

    private boolean withinWindow(Instant a, Instant b) {
        return a == null || b == null || !a.minus(properties.window()).isAfter(b) && !a.plus(properties.window()).isBefore(b);
    }

    private static boolean isEarlier(Earlier earlier, Earlier than) {
        return than == null || earlier.date() != null && than.date() != null && earlier.date().isBefore(than.date());
    }

    private Map<String, List<Earlier>> lookUp(List<StoryCandidate> candidates, String index) throws IOException {
        if (candidates.isEmpty()) {
            return Map.of();
        }
        MsearchRequest.Builder request = new MsearchRequest.Builder().index(index);
        List<List<StoryCandidate>> groups = new ArrayList<>();
        for (int from = 0; from < candidates.size(); from += CANDIDATES_PER_SEARCH) {
            List<StoryCandidate> group = candidates.subList(from, Math.min(candidates.size(), from + CANDIDATES_PER_SEARCH));
            groups.add(group);
            request.searches(s -> s.header(h -> h.ignoreUnavailable(true)).body(lookUp(group)));
        }
        MsearchResponse<Void> response = client.msearch(request.build(), Void.class);
        Map<String, List<Earlier>> found = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            MultiSearchResponseItem<Void> item = response.responses().get(g);
            if (item.isFailure()) {
                throw new IOException("story look-up failed: " + item.failure().error().reason());
            }
            Aggregate perCandidate = item.result().aggregations().get(PER_CANDIDATE);
            Map<String, FiltersBucket> buckets = perCandidate == null ? Map.of()
                    : perCandidate.filters().buckets().keyed();
            List<StoryCandidate> group = groups.get(g);
            for (int i = 0; i < group.size(); i++) {
                FiltersBucket bucket = buckets.get(Integer.toString(i));
                Aggregate top = bucket == null ? null : bucket.aggregations().get(EARLIER);
                found.put(group.get(i).articleId(), top == null ? List.of() : earlier(top.topHits().hits().hits()));
            }
        }
        return found;
    }

    /**
     * One shard request for a whole group: the documents sharing a band with any candidate, bucketed per candidate by
     * a filters aggregation (its bands and its date window) with its top {@value #CANDIDATES_PER_ARTICLE} from doc
     * values. A search per candidate cost Elasticsearch about as much time as indexing the batch; and the _source of
     * a candidate is its whole article, read and parsed for three small fields.
     */
    private MultisearchBody lookUp(List<StoryCandidate> group) {
        Map<String, Query> filters = new LinkedHashMap<>();
        Set<FieldValue> allBands = new LinkedHashSet<>();
        for (int i = 0; i < group.size(); i++) {
            StoryCandidate candidate = group.get(i);
            List<FieldValue> bands = Fingerprint.bands(candidate.fingerprint()).stream().map(FieldValue::of).toList();
            allBands.addAll(bands);
            filters.put(Integer.toString(i), Query.of(q -> q.bool(bool -> {
                bool.filter(f -> f.terms(t -> t.field("fingerprintBands").terms(v -> v.value(bands))));
                if (candidate.date() != null) {
                    bool.filter(f -> f.range(r -> r.untyped(u -> u.field("date")
                            .gte(JsonData.of(candidate.date().minus(properties.window()).toString()))
                            .lte(JsonData.of(candidate.date().plus(properties.window()).toString())))));
                }
                return bool;
            })));
        }
        List<FieldValue> bands = List.copyOf(allBands);
        return MultisearchBody.of(b -> b.stats(STATS_GROUP)
                .size(0)
                .trackTotalHits(t -> t.enabled(false))
                .query(q -> q.terms(t -> t.field("fingerprintBands").terms(v -> v.value(bands))))
                .aggregations(PER_CANDIDATE, a -> a
                        .filters(f -> f.filters(buckets -> buckets.keyed(filters)))
                        .aggregations(EARLIER, top -> top.topHits(h -> h
                                .size(CANDIDATES_PER_ARTICLE)
                                .source(src -> src.fetch(false))
                                .docvalueFields(DOC_VALUE_FIELDS)))));
    }

    private static List<Earlier> earlier(List<Hit<JsonData>> hits) {
        List<Earlier> earlier = new ArrayList<>();
        for (Hit<JsonData> hit : hits) {
            OptionalLong fingerprint = Fingerprint.parse(first(hit, "fingerprint"));
            String storyId = first(hit, "storyId");
            if (fingerprint.isPresent() && storyId != null) {
                earlier.add(new Earlier(hit.id(), fingerprint.getAsLong(), storyId, epochMillis(first(hit, "date"))));
            }
        }
        return earlier;
    }

    private static String first(Hit<?> hit, String field) {
        JsonData values = hit.fields().get(field);
        if (values == null) {
            return null;
        }
        List<?> list = values.to(List.class);
        return list.isEmpty() || list.get(0) == null ? null : list.get(0).toString();
    }

    private static Instant epochMillis(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    record Earlier(String articleId, long fingerprint, String storyId, Instant date) {
    }
}
