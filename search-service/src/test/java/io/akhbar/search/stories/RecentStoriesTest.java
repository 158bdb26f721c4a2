package io.akhbar.search.stories;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecentStoriesTest {

    private static final long FINGERPRINT = 0x0123_4567_89AB_CDEFL;
    /** One bit in each of the four bands: four bits away, and no band in common. */
    private static final long ONE_BIT_PER_BAND = 1L << 63 | 1L << 47 | 1L << 31 | 1L << 15;

    @Test
    void findsTheAssignmentsWithinTheDistanceOldestFirst() {
        RecentStories recent = new RecentStories(100);
        recent.remember(earlier("three-bits", FINGERPRINT ^ 0b111));
        recent.remember(earlier("first-band-differs", FINGERPRINT ^ (1L << 63)));
        recent.remember(earlier("four-bits", FINGERPRINT ^ ONE_BIT_PER_BAND));
        recent.remember(earlier("unrelated", ~FINGERPRINT));

        assertThat(recent.near(FINGERPRINT, 3)).extracting(StoryAssigner.Earlier::articleId)
                .containsExactly("three-bits", "first-band-differs");
    }

    @Test
    void beyondThePigeonholeBoundLooksAtEveryAssignment() {
        RecentStories recent = new RecentStories(100);
        recent.remember(earlier("four-bits", FINGERPRINT ^ ONE_BIT_PER_BAND));
        recent.remember(earlier("unrelated", ~FINGERPRINT));

        assertThat(recent.near(FINGERPRINT, 4)).extracting(StoryAssigner.Earlier::articleId)
                .containsExactly("four-bits");
        assertThat(recent.near(FINGERPRINT, 3)).isEmpty();
    }

    @Test
    void forgetsTheOldestBeyondItsCapacity() {
        RecentStories recent = new RecentStories(2);
        recent.remember(earlier("a", FINGERPRINT));
        recent.remember(earlier("b", FINGERPRINT ^ 1));
        recent.remember(earlier("c", FINGERPRINT ^ 2));

        assertThat(recent.near(FINGERPRINT, 3)).extracting(StoryAssigner.Earlier::articleId)
                .containsExactly("b", "c");
    }

    @Test
    void anArticleRememberedAgainKeepsOnlyItsLatestFingerprintAndCountsAsNewest() {
        RecentStories recent = new RecentStories(2);
        recent.remember(earlier("a", FINGERPRINT));
        recent.remember(earlier("b", FINGERPRINT ^ 1));
        recent.remember(earlier("a", ~FINGERPRINT));
        recent.remember(earlier("c", FINGERPRINT ^ 2));

        assertThat(recent.near(FINGERPRINT, 3)).extracting(StoryAssigner.Earlier::articleId)
                .containsExactly("c");
        assertThat(recent.near(~FINGERPRINT, 3)).extracting(StoryAssigner.Earlier::articleId)
                .containsExactly("a");
    }

    private static StoryAssigner.Earlier earlier(String articleId, long fingerprint) {
        return new StoryAssigner.Earlier(articleId, fingerprint, "story-" + articleId, Instant.parse("2026-11-27T00:00:00Z"));
    }
}
