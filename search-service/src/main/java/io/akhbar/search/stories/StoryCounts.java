package io.akhbar.search.stories;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
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
 */
@Service
public class StoryCounts {

    /** More distinct sources than this per story are not told apart; the count then says "at least". */
    private static final int MAX_SOURCES = 100;

    private final ElasticsearchClient client;

    StoryCounts(ElasticsearchClient client) {
        this.client = client;
    }

    public Map<String, StorySources> of(Collection<String> storyIds, String index) throws IOException {
        Set<String> ids = new LinkedHashSet<>(storyIds);
        ids.remove(null);
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<FieldValue> values = ids.stream().map(FieldValue::of).toList();
        SearchResponse<Void> response = client.search(s -> s
                .index(index)
                .size(0)
                .query(q -> q.terms(t -> t.field("storyId").terms(v -> v.value(values))))
                .aggregations("stories", a -> a
                        .terms(t -> t.field("storyId").size(ids.size()))
                        .aggregations("sources", sub -> sub.terms(t -> t.field("source").size(MAX_SOURCES)))),
                Void.class);
        Map<String, StorySources> stories = new HashMap<>();
        for (StringTermsBucket story : response.aggregations().get("stories").sterms().buckets().array()) {
            Set<String> sources = new LinkedHashSet<>();
            story.aggregations().get("sources").sterms().buckets().array()
                    .forEach(source -> sources.add(source.key().stringValue()));
            stories.put(story.key().stringValue(), new StorySources(story.docCount(), sources));
        }
        return stories;
    }
}
