package io.akhbar.search.stream;

import io.akhbar.search.query.InvalidQueryException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an article stands in the stream: its {@code indexedAt} (epoch milliseconds, as Elasticsearch stores it) and
 * its id, the order the stream replays in. Clients see it as an opaque event id (base64url of {@code millis:id}).
 */
record StreamCursor(long indexedAt, String id) implements Comparable<StreamCursor> {

    private static final Comparator<StreamCursor> ORDER = Comparator.comparingLong(StreamCursor::indexedAt)
            .thenComparing(StreamCursor::id);
    /** The article id rule of {@code Parameters.articleId}. */
    private static final Pattern DECODED = Pattern.compile("(\\d{1,19}):([A-Za-z0-9_-]{1,128})");
    private static final int MAX_LENGTH = 200;

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((indexedAt + ":" + id).getBytes(StandardCharsets.UTF_8));
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
            return new StreamCursor(Long.parseLong(matcher.group(1)), matcher.group(2));
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
