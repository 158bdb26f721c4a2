package io.akhbar.search.stream;

import io.akhbar.search.query.InvalidQueryException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an article stands in the stream: its {@code indexedAt} (epoch milliseconds, as Elasticsearch stores it), its
 * {@code _seq_no} and its id, the order the stream replays in. Clients see it as an opaque event id (base64url of
 * {@code millis:seqNo:id}).
 *
 * <p>Why the sequence number: all articles of one bulk share an {@code indexedAt}, and a refresh during the bulk makes
 * a part of them searchable before the rest. The part is always the first ones in the bulk, which is their
 * {@code _seq_no} order on the shard, so in this order a client's last event never has an article after it that
 * becomes searchable later, and a replay from it misses nothing. Ordered by id instead, the rest of the bulk could
 * sort before the last event and be skipped. (Bulks of two writers at once, or an index rebuilt by a migration, can
 * still interleave; see the README's notes on the stream.)
 */
record StreamCursor(long indexedAt, long seqNo, String id) implements Comparable<StreamCursor> {

    private static final Comparator<StreamCursor> ORDER = Comparator.comparingLong(StreamCursor::indexedAt)
            .thenComparingLong(StreamCursor::seqNo)
            .thenComparing(StreamCursor::id);
    /** The article id rule of {@code Parameters.articleId}. */
    private static final Pattern DECODED = Pattern.compile("(\\d{1,19}):(?:(\\d{1,19}):)?([A-Za-z0-9_-]{1,128})");
    /**
     * The sequence number of an event id from before sequence numbers were part of it: before every article of its
     * millisecond, so that a resume from one sends its millisecond again rather than skip a part of it.
     */
    static final long BEFORE_ANY_SEQ_NO = -1;
    private static final int MAX_LENGTH = 200;

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((indexedAt + ":" + seqNo + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidQueryException naming {@code parameter} when the text is not an event id of this stream */
    static StreamCursor decode(String parameter, String text) {
        if (text.length() > MAX_LENGTH) {
            throw invalid(parameter);
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(parameter);
        }
        Matcher matcher = DECODED.matcher(decoded);
        if (!matcher.matches()) {
            throw invalid(parameter);
        }
        try {
            long seqNo = matcher.group(2) == null ? BEFORE_ANY_SEQ_NO : Long.parseLong(matcher.group(2));
            return new StreamCursor(Long.parseLong(matcher.group(1)), seqNo, matcher.group(3));
        } catch (NumberFormatException e) {
            throw invalid(parameter);
        }
    }

    private static InvalidQueryException invalid(String parameter) {
        return new InvalidQueryException(parameter, "is not an event id of this stream");
    }

    @Override
    public int compareTo(StreamCursor other) {
        return ORDER.compare(this, other);
    }
}
