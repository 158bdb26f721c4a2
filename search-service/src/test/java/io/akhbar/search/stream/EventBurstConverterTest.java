package io.akhbar.search.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpOutputMessage;

class EventBurstConverterTest {

    private final EventBurstConverter converter = new EventBurstConverter();

    @Test
    void writesTheFramesOfABurstInOrderAsOneEventStreamBody() throws Exception {
        StreamEvent first = event("kremlin-1", "{\"title\":\"بوتين يستقبل ويتكوف\"}");
        StreamEvent second = event("kremlin-2", "{\"title\":\"ترامب: زابوريجيا\"}");
        MockHttpOutputMessage output = new MockHttpOutputMessage();

        converter.write(new EventBurst(List.of(first, second)), MediaType.TEXT_EVENT_STREAM, output);

        String expected = new String(first.frame(), StandardCharsets.UTF_8)
                + new String(second.frame(), StandardCharsets.UTF_8);
        assertThat(output.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(expected).contains("event:article\ndata:{\"title\":\"بوتين يستقبل ويتكوف\"}\n\nid:");
    }

    @Test
    void takesOnlyBurstsAsAnEventStreamAndReadsNothing() {
        assertThat(converter.canWrite(EventBurst.class, MediaType.TEXT_EVENT_STREAM)).isTrue();
        assertThat(converter.canWrite(EventBurst.class, MediaType.APPLICATION_JSON)).isFalse();
        assertThat(converter.canWrite(String.class, MediaType.TEXT_EVENT_STREAM)).isFalse();
        assertThat(converter.canWrite(byte[].class, MediaType.TEXT_EVENT_STREAM)).isFalse();
        assertThat(converter.canRead(EventBurst.class, MediaType.TEXT_EVENT_STREAM)).isFalse();
    }

    private static StreamEvent event(String id, String json) {
        StreamCursor cursor = new StreamCursor(1_764_000_000_000L, id.hashCode() & 0xffff, id);
        return new StreamEvent(cursor, new EventId(cursor, Frontier.NONE.advance(0, 17)), json);
    }
}
