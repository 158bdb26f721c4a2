package io.akhbar.search.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class StreamEventTest {

    @Test
    void frameIsWhatSpringsEventBuilderWouldWrite() {
        StreamCursor cursor = new StreamCursor(1_764_000_000_123L, 4_711, "kremlin-42");
        String json = "{\"id\":\"kremlin-42\",\"title\":\"بوتين يستقبل ويتكوف في موسكو\"}";

        EventId id = new EventId(cursor, Frontier.NONE.advance(0, 17).advance(2, 5));

        String frame = new String(new StreamEvent(cursor, id, json).frame(), StandardCharsets.UTF_8);

        StringBuilder spring = new StringBuilder();
        for (DataWithMediaType part : SseEmitter.event().id(id.encode()).name("article")
                .data(json, MediaType.APPLICATION_JSON).build()) {
            spring.append(part.getData());
        }
        assertThat(frame).isEqualTo(spring.toString())
                .startsWith("id:" + id.encode() + "\nevent:article\ndata:{").endsWith("}\n\n");
    }

    @Test
    void jsonOnMoreThanOneLineWouldBreakTheFrameAndIsRefused() {
        StreamCursor cursor = new StreamCursor(1L, 0, "a");

        EventId id = new EventId(cursor, Frontier.NONE);

        assertThatThrownBy(() -> new StreamEvent(cursor, id, "{\n}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamEvent(cursor, id, "{\r}")).isInstanceOf(IllegalArgumentException.class);
    }
}
