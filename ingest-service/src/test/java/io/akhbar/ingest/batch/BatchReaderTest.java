package io.akhbar.ingest.batch;

import io.akhbar.ingest.IngestProperties;
import io.akhbar.ingest.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchReaderTest {

    private final BatchReader reader = new BatchReader(JsonMapper.builder().build(), new IngestProperties(
            DataSize.ofMegabytes(1), 1000, 160, new IngestProperties.Batch(3, DataSize.ofMegabytes(16), 4, Duration.ofSeconds(30))));

    @Test
    void aJsonArrayGivesOneItemPerElementAndNamesWhatIsWrongWithEach() {
        var items = reader.readJsonArray(bytes("""
                [{"body": "نص الخبر الأول", "url": "https://example.com/1"},
                 "نص بلا كائن",
                 {"body": {"nested": true}}]"""));

        assertThat(items).extracting(BatchItem::index).containsExactly(0, 1, 2);
        assertThat(items.get(0).submission().body()).isEqualTo("نص الخبر الأول");
        assertThat(items.get(0).line()).isNull();
        assertThat(items.get(1).unreadable()).isEqualTo("An item must be a JSON object with at least a body");
        assertThat(items.get(2).unreadable()).isEqualTo("body: must be a string");
    }

    @Test
    void ndjsonLinesStandAloneSoABrokenLineIsOnlyThatItemsProblem() {
        byte[] body = bytes("{\"body\":\"الأول\"}\r\n\n{\"body\": \"مكسور\"\n{\"body\":\"الثالث\"} {\"body\":\"زائد\"}\n");

        var items = reader.readNdjson(body);

        assertThat(items).extracting(BatchItem::index).containsExactly(0, 1, 2);
        assertThat(items).extracting(BatchItem::line).containsExactly(1, 3, 4);
        assertThat(items.get(0).submission().body()).isEqualTo("الأول");
        assertThat(items.get(1).unreadable()).startsWith("The line is not valid JSON (line 1, column");
        assertThat(items.get(2).unreadable()).isEqualTo("The line holds more than one JSON value");
    }

    @Test
    void anNdjsonLineThatIsNotUtf8IsRejectedAlone() {
        byte[] latin1 = "{\"body\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[latin1.length + 1 + 17];
        System.arraycopy(latin1, 0, body, 0, latin1.length);
        body[latin1.length] = '\n';
        System.arraycopy(bytes("{\"body\":\"ok ok\"}\n"), 0, body, latin1.length + 1, 17);

        var items = reader.readNdjson(body);

        assertThat(items.get(0).unreadable()).isEqualTo("The line is not valid UTF-8");
        assertThat(items.get(1).submission().body()).isEqualTo("ok ok");
    }

    @Test
    void moreItemsThanAllowedRejectTheWholeRequest() {
        assertThatThrownBy(() -> reader.readJsonArray(bytes("[{},{},{},{}]")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).contains("at most 3"));
        assertThatThrownBy(() -> reader.readNdjson(bytes("{}\n{}\n{}\n{}\n"))).isInstanceOf(ProblemException.class);
        assertThat(reader.readNdjson(bytes("{}\n{}\n{}\n\n\n"))).hasSize(3);
    }

    @Test
    void aBodyThatIsNotAWellFormedArrayOrHasNoItemsIsRejectedWhole() {
        assertThatThrownBy(() -> reader.readJsonArray(bytes("{\"body\":\"نص\"}")))
                .hasMessageContaining("must be a JSON array");
        assertThatThrownBy(() -> reader.readJsonArray(bytes("[{\"body\":\"نص\"}, {\"body\": ")))
                .hasMessageContaining("not a well-formed JSON array");
        assertThatThrownBy(() -> reader.readJsonArray(bytes("[] []"))).hasMessageContaining("after the JSON array");
        assertThatThrownBy(() -> reader.readJsonArray(bytes("[]"))).hasMessage("The batch holds no articles");
        assertThatThrownBy(() -> reader.readNdjson(bytes("\n \n"))).hasMessage("The batch holds no articles");
        assertThatThrownBy(() -> reader.readJsonArray(new byte[0])).isInstanceOf(ProblemException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
