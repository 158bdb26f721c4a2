package io.akhbar.search.stream;

import java.nio.charset.StandardCharsets;

/**
 * One {@code article} event, serialized and framed for the wire once: every subscriber whose query matched the
 * article writes the same bytes, so a subscriber costs a write, not a serialization, per event.
 */
final class StreamEvent {

    private final StreamCursor cursor;
    private final byte[] frame;

    /**
     * @param cursor the article's own place in stream order, which tells the same article apart in a replay and live
     * @param id     what the client resumes from, sent as the event's id
     * @param json   a {@code SearchResult.Hit} as compact JSON: one line, as an SSE {@code data} field must be
     */
    StreamEvent(StreamCursor cursor, EventId id, String json) {
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("An event's JSON must be on one line");
        }
        this.cursor = cursor;
        // The text/event-stream fields in the order and form Spring's SseEmitter writes them.
        this.frame = ("id:" + id.encode() + "\nevent:article\ndata:" + json + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    StreamCursor cursor() {
        return cursor;
    }

    /** The whole event in UTF-8, blank line included; not to be modified. */
    byte[] frame() {
        return frame;
    }
}
