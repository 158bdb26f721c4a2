package io.akhbar.search.stream;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamCursorTest {

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
