package io.akhbar.search.stream;

import io.akhbar.search.query.InvalidQueryException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamCursorTest {

    @Test
    void encodesToAnOpaqueUrlSafeIdAndBack() {
        StreamCursor cursor = new StreamCursor(1_769_077_000_123L, "3f0c_a-B9");

        String id = cursor.encode();

        assertThat(id).matches("[A-Za-z0-9_-]+").doesNotContain("3f0c");
        assertThat(StreamCursor.decode("Last-Event-ID", id)).isEqualTo(cursor);
    }

    @Test
    void anythingElseIsAnInvalidParameterNamedAsGiven() {
        for (String text : List.of("", "garbage!", "bm9jb2xvbg", "MTIzOg", "YWJjOmlk", "MTI6aWQgd2l0aCBzcGFjZQ",
                "x".repeat(300))) {
            assertThatThrownBy(() -> StreamCursor.decode("lastEventId", text)).as(text)
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessageStartingWith("lastEventId:");
        }
    }

    @Test
    void ordersByIndexedAtThenId() {
        StreamCursor a = new StreamCursor(10, "b");
        StreamCursor b = new StreamCursor(11, "a");
        StreamCursor c = new StreamCursor(11, "b");
        List<StreamCursor> cursors = new ArrayList<>(List.of(c, a, b));
        Collections.shuffle(cursors);
        Collections.sort(cursors);
        assertThat(cursors).containsExactly(a, b, c);
    }
}
