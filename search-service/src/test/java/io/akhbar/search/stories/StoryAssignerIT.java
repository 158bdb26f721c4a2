package io.akhbar.search.stories;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.akhbar.localstack.LocalStackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The look-up that only the index can answer: an instance that has never seen the earlier articles (another instance
 * indexed them, or this one restarted) must still find their stories in Elasticsearch.
 */
@ExtendWith(LocalStackExtension.class)
class StoryAssignerIT {

    private static final Instant DAY = Instant.parse("2026-03-02T08:00:00Z");
    private static final String EARLIER = "0f0f0f0f0f0f0f0f";

    private static ScratchIndex scratch;
    private static ElasticsearchClient client;

    @BeforeAll
    static void indexTheEarlierArticles() throws Exception {
        scratch = ScratchIndex.create("stories");
        client = scratch.client;
        index("first", EARLIER, "story-of-first", DAY);
        index("unrelated", "f0f0f0f0f0f0f0f0", "unrelated", DAY);
        scratch.refresh();
    }

    @AfterAll
    static void close() throws Exception {
        scratch.close();
    }

    @Test
    void aNearDuplicateJoinsTheIndexedStoryAndTheRestStartTheirOwn() throws Exception {
        StoryAssigner fresh = freshInstance();

        Map<String, String> stories = fresh.assign(List.of(
                new StoryCandidate("two-bits-away", "0f0f0f0f0f0f0f0c", DAY.plusSeconds(3_600), null),
                new StoryCandidate("eight-bits-away", "0f0f0f0f0f0ff0f0", DAY.plusSeconds(3_600), null),
                new StoryCandidate("a-month-later", "0f0f0f0f0f0f0f0e", DAY.plus(Duration.ofDays(30)), null),
                new StoryCandidate("first", "0f0f0f0f0f0f3f3f", DAY, null)), scratch.name);

        assertThat(stories).containsEntry("two-bits-away", "story-of-first")
                .containsEntry("eight-bits-away", "eight-bits-away")
                .containsEntry("a-month-later", "a-month-later")
                // Indexed again with another fingerprint, an article keeps the story it had.
                .containsEntry("first", "story-of-first");
    }

    @Test
    void aLargeBatchIsLookedUpInGroupsAndEachCandidateGetsItsOwnMatches() throws Exception {
        StoryAssigner fresh = freshInstance();
        List<StoryCandidate> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            // Far from the indexed articles (first band f0f0 against 0f0f) and from each other (scrambled bits),
            // except one copy of "first" in the third group.
            String fingerprint = i == 230 ? "0f0f0f0f0f0f0f0e"
                    : String.format("f0f0%012x", (i * 0x9E3779B97F4A7C15L) & 0xFFFF_FFFF_FFFFL);
            batch.add(new StoryCandidate("batch-" + i, fingerprint, DAY.plusSeconds(i), null));
        }

        Map<String, String> stories = fresh.assign(batch, scratch.name);

        assertThat(stories).hasSize(250).containsEntry("batch-230", "story-of-first")
                .containsEntry("batch-229", "batch-229").containsEntry("batch-0", "batch-0");
    }

    /** An instance that has seen none of the indexed articles. */
    private static StoryAssigner freshInstance() {
        return new StoryAssigner(client, new StoryProperties(3, Duration.ofDays(7), 100, Duration.ofSeconds(1), 100));
    }

    private static void index(String id, String fingerprint, String storyId, Instant date) throws Exception {
        Map<String, Object> document = Map.of("id", id, "title", "خبر", "body", "نص الخبر", "date", date.toString(),
                "fingerprint", fingerprint, "fingerprintBands", Fingerprint.bands(fingerprint), "storyId", storyId);
        client.index(i -> i.index(scratch.name).id(id).document(document));
    }
}
