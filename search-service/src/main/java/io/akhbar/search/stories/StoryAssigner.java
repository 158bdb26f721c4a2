package io.akhbar.search.stories;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldAndFormat;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

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
        for (StoryCandidate candidate : candidates) {
            List<FieldValue> bands = Fingerprint.bands(candidate.fingerprint()).stream().map(FieldValue::of).toList();
            request.searches(s -> s.header(h -> h.ignoreUnavailable(true)).body(b -> b
                    .size(CANDIDATES_PER_ARTICLE)
                    // From doc values: the _source of a candidate is its whole article (body, entities with every
                    // mention), which Elasticsearch would read and parse for three small fields.
                    .source(src -> src.fetch(false))
                    .docvalueFields(DOC_VALUE_FIELDS)
                    .query(q -> q.bool(bool -> {
                        bool.filter(f -> f.terms(t -> t.field("fingerprintBands").terms(v -> v.value(bands))));
                        if (candidate.date() != null) {
                            bool.filter(f -> f.range(r -> r.untyped(u -> u.field("date")
                                    .gte(JsonData.of(candidate.date().minus(properties.window()).toString()))
                                    .lte(JsonData.of(candidate.date().plus(properties.window()).toString())))));
                        }
                        return bool;
                    }))));
        }
        MsearchResponse<Void> response = client.msearch(request.build(), Void.class);
        Map<String, List<Earlier>> found = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            MultiSearchResponseItem<Void> item = response.responses().get(i);
            if (item.isFailure()) {
                throw new IOException("story look-up failed: " + item.failure().error().reason());
            }
            List<Earlier> earlier = new ArrayList<>();
            for (Hit<Void> hit : item.result().hits().hits()) {
                OptionalLong fingerprint = Fingerprint.parse(first(hit, "fingerprint"));
                String storyId = first(hit, "storyId");
                if (fingerprint.isPresent() && storyId != null) {
                    earlier.add(new Earlier(hit.id(), fingerprint.getAsLong(), storyId, epochMillis(first(hit, "date"))));
                }
            }
            found.put(candidates.get(i).articleId(), earlier);
        }
        return found;
    }

    private static String first(Hit<Void> hit, String field) {
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
