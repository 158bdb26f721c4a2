package io.akhbar.search.stream;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an article stands in the stream: its {@code indexedAt} (epoch milliseconds, as Elasticsearch stores it), its
 * {@code _seq_no} and its id, the order the stream replays in. Clients see it inside an opaque {@link EventId}.
 *
 * <p>Why the sequence number: all articles of one bulk share an {@code indexedAt}, and a refresh during the bulk makes
 * a part of them searchable before the rest. The part is always the first ones in the bulk, which is their
 * {@code _seq_no} order on the shard, so in this order a client's last event never has an article after it that
 * becomes searchable later, and a replay from it misses nothing. Ordered by id instead, the rest of the bulk could
 * sort before the last event and be skipped. Bulks of two writers at once, or an index rebuilt by a migration, can
 * still interleave in this order: the event id's {@link Frontier} covers that.
 */
record StreamCursor(long indexedAt, long seqNo, String id) implements Comparable<StreamCursor> {

    private static final Comparator<StreamCursor> ORDER = Comparator.comparingLong(StreamCursor::indexedAt)
            .thenComparingLong(StreamCursor::seqNo)
            .thenComparing(StreamCursor::id);
    /** The article id rule of {@code Parameters.articleId}. */
    private static final Pattern TEXT = Pattern.compile("(\\d{1,19}):(?:(\\d{1,19}):)?([A-Za-z0-9_-]{1,128})");
    /**
     * The sequence number of an event id from before sequence numbers were part of it: before every article of its
     * millisecond, so that a resume from one sends its millisecond again rather than skip a part of it.
     */
    static final long BEFORE_ANY_SEQ_NO = -1;

    /** {@code millis:seqNo:id}, the part of an {@link EventId} that places the event. */
    String text() {
        return indexedAt + ":" + seqNo + ":" + id;
    }

    /** @return the cursor {@link #text()} wrote (or an id from before sequence numbers did), or null */
    static StreamCursor parse(String text) {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        try {
            long seqNo = matcher.group(2) == null ? BEFORE_ANY_SEQ_NO : Long.parseLong(matcher.group(2));
            return new StreamCursor(Long.parseLong(matcher.group(1)), seqNo, matcher.group(3));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public int compareTo(StreamCursor other) {
        return ORDER.compare(this, other);
    }
}
