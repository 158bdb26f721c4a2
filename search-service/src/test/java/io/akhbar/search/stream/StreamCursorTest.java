package io.akhbar.search.stream;

import io.akhbar.search.query.InvalidQueryException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamCursorTest {

    @Test
    void encodesToAnOpaqueUrlSafeIdAndBack() {
        StreamCursor cursor = new StreamCursor(1_769_077_000_123L, 90_210, "3f0c_a-B9");

        String id = cursor.encode();

        assertThat(id).matches("[A-Za-z0-9_-]+").doesNotContain("3f0c");
        assertThat(StreamCursor.decode("Last-Event-ID", id)).isEqualTo(cursor);
    }

    @Test
    void anythingElseIsAnInvalidParameterNamedAsGiven() {
        for (String text : List.of("", "garbage!", "bm9jb2xvbg", "MTIzOg", "YWJjOmlk", "MTI6aWQgd2l0aCBzcGFjZQ",
                "MTp4Omlk", "MToyOjM6NA", "MTotMTppZA",
                "x".repeat(300))) {
            assertThatThrownBy(() -> StreamCursor.decode("lastEventId", text)).as(text)
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessageStartingWith("lastEventId:");
        }
    }

    @Test
    void anIdFromBeforeSequenceNumbersResumesBeforeEveryArticleOfItsMillisecond() {
        String legacy = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1769077000123:3f0c".getBytes(StandardCharsets.UTF_8));

        StreamCursor cursor = StreamCursor.decode("Last-Event-ID", legacy);

        assertThat(cursor).isEqualTo(new StreamCursor(1_769_077_000_123L, StreamCursor.BEFORE_ANY_SEQ_NO, "3f0c"));
        assertThat(cursor).isLessThan(new StreamCursor(1_769_077_000_123L, 0, "0"));
    }

    @Test
    void ordersByIndexedAtThenSequenceNumberThenId() {
        // One bulk shares its indexedAt; its articles become searchable in sequence-number order, not id order.
        StreamCursor a = new StreamCursor(10, 5, "z");
        StreamCursor b = new StreamCursor(11, 1, "z");
        StreamCursor c = new StreamCursor(11, 2, "a");
        StreamCursor d = new StreamCursor(11, 2, "b");
        List<StreamCursor> cursors = new ArrayList<>(List.of(d, c, a, b));
        Collections.shuffle(cursors);
        Collections.sort(cursors);
        assertThat(cursors).containsExactly(a, b, c, d);
    }
}
