package io.akhbar.search.stream;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentlySeenTest {

    private final RecentlySeen seen = new RecentlySeen(10_000);

    @Test
    void beforeAnythingIsSeenTheWindowEndsNow() {
        assertThat(seen.windowStart(50_000)).isEqualTo(40_000);
    }

    @Test
    void reportsOnlyWhatIsNewAndLooksBackFromTheNewest() {
        assertThat(seen.add(List.of(cursor(100_000, "a"), cursor(101_000, "b")))).hasSize(2);

        // The next look finds both again, and an article that became searchable late with an older indexedAt.
        List<StreamCursor> fresh = seen.add(List.of(cursor(95_000, "late"), cursor(100_000, "a"),
                cursor(101_000, "b"), cursor(102_000, "c")));

        assertThat(fresh).containsExactly(cursor(95_000, "late"), cursor(102_000, "c"));
        assertThat(seen.windowStart(0)).isEqualTo(92_000);
    }

    @Test
    void aReindexedArticleIsNewAgain() {
        seen.add(List.of(cursor(100_000, "a")));

        assertThat(seen.add(List.of(cursor(100_000, "a"), cursor(103_000, "a")))).containsExactly(cursor(103_000, "a"));
    }

    @Test
    void forgetsWhatFellOutOfTheWindow() {
        seen.add(List.of(cursor(100_000, "a"), cursor(105_000, "b")));
        seen.add(List.of(cursor(120_000, "c")));

        assertThat(seen.size()).isEqualTo(1);
        assertThat(seen.windowStart(0)).isEqualTo(110_000);
    }

    @Test
    void theSameArticleUnderAnotherSequenceNumberIsNotNews() {
        seen.add(List.of(new StreamCursor(100_000, 7, "a")));

        // A migration copies indexedAt into the new index, where the sequence numbers start again.
        assertThat(seen.add(List.of(new StreamCursor(100_000, 2, "a")))).isEmpty();
    }

    private static StreamCursor cursor(long millis, String id) {
        return new StreamCursor(millis, 0, id);
    }
}
