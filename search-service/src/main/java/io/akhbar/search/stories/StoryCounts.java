package io.akhbar.search.stories;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many articles and sources carry each story of a result page: one terms aggregation over the page's story ids,
 * not one query per hit.
 *
 * <p>Counts are kept for {@code akhbar.stories.counts-max-age}. A count only changes when a refresh makes a new
 * article of the story visible, and the stories of a breaking event are on the first page of most searches: without
 * the cache every search paid a second Elasticsearch round trip for numbers it had just read.
 */
@Service
public class StoryCounts {

    /** More distinct sources than this per story are not told apart; the count then says "at least". */
    private static final int MAX_SOURCES = 100;
    /** Elasticsearch's search statistics keep this request's query and fetch time apart under this name. */
    private static final String STATS_GROUP = "story-counts";

    private record Key(String index, String storyId) {
    }

    private final ElasticsearchClient client;
    private final Cache<Key, StorySources> recent;

    StoryCounts(ElasticsearchClient client, StoryProperties properties) {
        this.client = client;
        this.recent = Caffeine.newBuilder()
                .expireAfterWrite(properties.countsMaxAge())
                .maximumSize(properties.countsCacheSize())
                .build();
    }

    public Map<String, StorySources> of(Collection<String> storyIds, String index) throws IOException {
        Set<String> ids = new LinkedHashSet<>(storyIds);
        ids.remove(null);
        Map<String, StorySources> stories = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String id : ids) {
            StorySources known = recent.getIfPresent(new Key(index, id));
            if (known != null) {
                stories.put(id, known);
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return stories;
        }
        List<FieldValue> values = missing.stream().map(FieldValue::of).toList();
        SearchResponse<Void> response = client.search(s -> s
                .index(index).stats(STATS_GROUP)
                .size(0)
                .query(q -> q.terms(t -> t.field("storyId").terms(v -> v.value(values))))
                .aggregations("stories", a -> a
                        .terms(t -> t.field("storyId").size(missing.size()))
                        .aggregations("sources", sub -> sub.terms(t -> t.field("source").size(MAX_SOURCES)))),
                Void.class);
        for (StringTermsBucket story : response.aggregations().get("stories").sterms().buckets().array()) {
            Set<String> sources = new LinkedHashSet<>();
            story.aggregations().get("sources").sterms().buckets().array()
                    .forEach(source -> sources.add(source.key().stringValue()));
            StorySources counted = new StorySources(story.docCount(), Set.copyOf(sources));
            stories.put(story.key().stringValue(), counted);
            recent.put(new Key(index, story.key().stringValue()), counted);
        }
        return stories;
    }
}
