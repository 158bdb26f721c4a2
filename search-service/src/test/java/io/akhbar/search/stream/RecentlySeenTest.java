package io.akhbar.search.stream;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class RecentlySeenTest {

    private static final Function<StreamCursor, StreamCursor> CURSOR = Function.identity();

    private final RecentlySeen seen = new RecentlySeen(10_000);

    @Test
    void beforeAnythingIsSeenTheWindowEndsNow() {
        assertThat(seen.windowStart(50_000)).isEqualTo(40_000);
    }

    @Test
    void reportsOnlyWhatIsNewAndLooksBackFromTheNewest() {
        assertThat(seen.add(List.of(cursor(100_000, "a"), cursor(101_000, "b")), CURSOR)).hasSize(2);

        // The next look finds both again, and an article that became searchable late with an older indexedAt.
        List<StreamCursor> fresh = seen.add(List.of(cursor(95_000, "late"), cursor(100_000, "a"),
                cursor(101_000, "b"), cursor(102_000, "c")), CURSOR);

        assertThat(fresh).containsExactly(cursor(95_000, "late"), cursor(102_000, "c"));
        assertThat(seen.windowStart(0)).isEqualTo(92_000);
    }

    @Test
    void aReindexedArticleIsNewAgain() {
        seen.add(List.of(cursor(100_000, "a")), CURSOR);

        assertThat(seen.add(List.of(cursor(100_000, "a"), cursor(103_000, "a")), CURSOR))
                .containsExactly(cursor(103_000, "a"));
    }

    @Test
    void forgetsWhatFellOutOfTheWindow() {
        seen.add(List.of(cursor(100_000, "a"), cursor(105_000, "b")), CURSOR);
        seen.add(List.of(cursor(120_000, "c")), CURSOR);

        assertThat(seen.size()).isEqualTo(1);
        assertThat(seen.windowStart(0)).isEqualTo(110_000);
    }

    @Test
    void theSameArticleUnderAnotherSequenceNumberIsNotNews() {
        seen.add(List.of(new StreamCursor(100_000, 7, "a")), CURSOR);

        // A migration copies indexedAt into the new index, where the sequence numbers start again.
        assertThat(seen.add(List.of(new StreamCursor(100_000, 2, "a")), CURSOR)).isEmpty();
    }

    @Test
    void whatWasForgottenIsFoundAgainByTheNextLook() {
        seen.add(List.of(cursor(100_000, "a"), cursor(100_500, "b"), cursor(101_000, "c")), CURSOR);

        // Dispatching b and c failed: they were never sent.
        seen.forget(List.of(cursor(100_500, "b"), cursor(101_000, "c")));

        assertThat(seen.add(List.of(cursor(100_000, "a"), cursor(100_500, "b"), cursor(101_000, "c")), CURSOR))
                .containsExactly(cursor(100_500, "b"), cursor(101_000, "c"));
    }

    private static StreamCursor cursor(long millis, String id) {
        return new StreamCursor(millis, 0, id);
    }
}
