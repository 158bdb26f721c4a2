package io.akhbar.search.stream;

import io.akhbar.search.query.InvalidQueryException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What an event's id tells a resuming stream: the last event's place in stream order, and the stream's
 * {@link Frontier} once that event had been sent. Clients see base64url of {@code millis:seqNo:id|frontier}.
 *
 * @param after    a resume sends what comes after this in stream order ...
 * @param frontier ... and, within the look-back before it, what lies beyond this in its partition; null for an id
 *                 from before frontiers were part of it, which resumes by {@code after} alone
 */
record EventId(StreamCursor after, Frontier frontier) {

    /** Room for {@link Frontier#MAX_PARTITIONS} partitions with long offsets, and well within a header's limits. */
    private static final int MAX_LENGTH = 6_000;

    String encode() {
        String text = frontier == null || frontier.size() > Frontier.MAX_PARTITIONS ? after.text()
                : after.text() + "|" + frontier.text();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidQueryException naming {@code parameter} when the text is not an event id of this stream */
    static EventId decode(String parameter, String text) {
        if (text.length() > MAX_LENGTH) {
            throw invalid(parameter);
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(parameter);
        }
        int bar = decoded.indexOf('|');
        StreamCursor after = StreamCursor.parse(bar < 0 ? decoded : decoded.substring(0, bar));
        if (after == null) {
            throw invalid(parameter);
        }
        try {
            return new EventId(after, bar < 0 ? null : Frontier.parse(decoded.substring(bar + 1)));
        } catch (IllegalArgumentException e) {
            throw invalid(parameter);
        }
    }

    private static InvalidQueryException invalid(String parameter) {
        return new InvalidQueryException(parameter, "is not an event id of this stream");
    }
}
