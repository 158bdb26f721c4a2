package io.akhbar.search.stories;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.akhbar.localstack.LocalStackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Story counts read from the index, and reused for {@code counts-max-age}: a search that finds a story shortly after
 * another one did gets its counts without asking Elasticsearch again.
 */
@ExtendWith(LocalStackExtension.class)
class StoryCountsIT {


    private static ScratchIndex scratch;
    private static ElasticsearchClient client;

    @BeforeAll
    static void indexOneStoryFromTwoSources() throws Exception {
        scratch = ScratchIndex.create("story-counts");
        client = scratch.client;
        index("a1", "summit", "aljazeera.net");
        index("a2", "summit", "aljazeera.net");
        index("a3", "summit", "bbc.com");
        index("b1", "alone", "bbc.com");
        scratch.refresh();
    }

    @AfterAll
    static void close() throws Exception {
        scratch.close();
    }

    @Test
    void countsArticlesAndSourcesPerStoryOfThePageAndReusesThemUntilTheyAreOld() throws Exception {
        StoryCounts reused = counts(Duration.ofHours(1));
        StoryCounts alwaysRead = counts(Duration.ZERO);

        Map<String, StorySources> first = reused.of(Arrays.asList("summit", "alone", "summit", null), scratch.name);
        assertThat(first.get("summit").articles()).isEqualTo(3);
        assertThat(first.get("summit").sources()).containsExactlyInAnyOrder("aljazeera.net", "bbc.com");
        assertThat(first.get("summit").otherThan("bbc.com")).isEqualTo(1);
        assertThat(first.get("alone").articles()).isEqualTo(1);
        assertThat(first).doesNotContainKey("unknown");

        index("a4", "summit", "france24.com");
        scratch.refresh();

        assertThat(reused.of(List.of("summit"), scratch.name).get("summit").articles())
                .as("within counts-max-age the counts read a moment ago serve again")
                .isEqualTo(3);
        assertThat(alwaysRead.of(List.of("summit"), scratch.name).get("summit"))
                .as("once they are older, the index is read again")
                .satisfies(summit -> {
                    assertThat(summit.articles()).isEqualTo(4);
                    assertThat(summit.sources()).hasSize(3);
                });
        // A page with a story not seen yet asks only for that one, and keeps serving the others from memory.
        Map<String, StorySources> mixed = reused.of(List.of("summit", "alone", "unknown"), scratch.name);
        assertThat(mixed.get("summit").articles()).isEqualTo(3);
        assertThat(mixed.get("alone").articles()).isEqualTo(1);
        assertThat(mixed).doesNotContainKey("unknown");
    }

    private static StoryCounts counts(Duration maxAge) {
        return new StoryCounts(client, new StoryProperties(3, Duration.ofDays(7), 100, maxAge, 100));
    }

    private static void index(String id, String storyId, String source) throws Exception {
        Map<String, Object> document = Map.of("id", id, "title", "قمة", "body", "نص الخبر",
                "date", "2026-03-02T08:00:00Z", "storyId", storyId, "source", source);
        client.index(i -> i.index(scratch.name).id(id).document(document));
    }
}
