package io.akhbar.search.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The articles the watcher has already looked at, within the look-back window: each look starts {@code lookBack}
 * before the newest {@code indexedAt} seen, and this set tells which of the articles found are new. Entries older
 * than the window can never be found again and are forgotten, which bounds the set by what the window holds.
 */
final class RecentlySeen {

    /** A backstop for a window that holds more than any look fetches; forgetting early only risks a duplicate. */
    static final int MAX_ENTRIES = 100_000;

    private final long lookBackMillis;
    /**
     * By {@code indexedAt} and id, without the sequence number: an index rebuilt by a migration holds the same
     * articles under new sequence numbers, and they are not news.
     */
    private final TreeSet<StreamCursor> seen = new TreeSet<>(
            Comparator.comparingLong(StreamCursor::indexedAt).thenComparing(StreamCursor::id));
    private Long newest;

    RecentlySeen(long lookBackMillis) {
        this.lookBackMillis = lookBackMillis;
    }

    /** Where the next look starts: the look-back before the newest article seen, or before now when none was. */
    long windowStart(long nowMillis) {
        return (newest == null ? nowMillis : newest) - lookBackMillis;
    }

    /** @return those of {@code found} not seen before, in the order given */
    <T> List<T> add(List<T> found, Function<T, StreamCursor> cursorOf) {
        List<T> fresh = new ArrayList<>();
        for (T article : found) {
            StreamCursor cursor = cursorOf.apply(article);
            if (seen.add(cursor)) {
                fresh.add(article);
            }
            if (newest == null || cursor.indexedAt() > newest) {
                newest = cursor.indexedAt();
            }
        }
        if (newest != null) {
            seen.headSet(new StreamCursor(newest - lookBackMillis, 0, "")).clear();
        }
        while (seen.size() > MAX_ENTRIES) {
            seen.pollFirst();
        }
        return fresh;
    }

    /** Takes back articles that were not sent after all: the next look finds them again, if still in the window. */
    void forget(List<StreamCursor> cursors) {
        cursors.forEach(seen::remove);
    }

    void clear() {
        seen.clear();
        newest = null;
    }

    int size() {
        return seen.size();
    }
}
