package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsNestedObjectsArraysAndScalars() {
        Map<String, Object> parsed = Json.parseObject(
                "{\"total\": 2, \"hits\": [{\"id\": \"a\", \"score\": 1.5e0, \"language\": null, \"ok\": true}], "
                        + "\"empty\": {}, \"none\": []}");

        assertThat(parsed).containsEntry("total", 2.0).containsEntry("empty", Map.of()).containsEntry("none", List.of());
        @SuppressWarnings("unchecked") Map<String, Object> hit = (Map<String, Object>) ((List<?>) parsed.get("hits")).get(0);
        assertThat(hit).containsEntry("id", "a").containsEntry("score", 1.5).containsEntry("ok", true);
        assertThat(hit.containsKey("language")).isTrue();
        assertThat(hit.get("language")).isNull();
    }

    @Test
    void decodesEscapesAndArabicText() {
        assertThat(Json.parse("\"\\u0628\\u0648\\u062a\\u064a\\u0646 \\\"q\\\"\\n\"")).isEqualTo("بوتين \"q\"\n");
        assertThat(Json.parse("\"دافوس\"")).isEqualTo("دافوس");
    }

    @Test
    void reportsWhereInvalidJsonBreaks() {
        assertThatThrownBy(() -> Json.parse("{\"status\": UP}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 11");
        assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessageContaining("Expected a JSON object");
    }
}
