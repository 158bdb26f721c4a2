package io.akhbar.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class IngestClientTest {

    private final FakeIngest ingest = new FakeIngest();
    private final List<Duration> pauses = new ArrayList<>();

    IngestClientTest() throws Exception {
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    @Test
    void retriesA503HonouringRetryAfterThenReportsEachItem() throws Exception {
        ingest.then(lines -> new FakeIngest.Answer(503, "3", "{\"title\":\"Batch not accepted\"}"));

        List<Outcome> outcomes = client(ingest.url()).send(items("{\"body\":\"نص\"}", "{\"body\":\"\"}"));

        assertThat(ingest.requests).hasSize(2);
        assertThat(pauses).containsExactly(Duration.ofSeconds(3));
        assertThat(outcomes).extracting(Outcome::status).containsExactly("accepted", "rejected");
        assertThat(outcomes.get(1).reason()).isEqualTo("body: must not be empty");
    }

    @Test
    void itemsKafkaDidNotAcknowledgeAreSentAgainAlone() throws Exception {
        ingest.then(lines -> new FakeIngest.Answer(200, null, "{\"results\":["
                + "{\"index\":0,\"status\":\"accepted\",\"id\":\"a\"},"
                + "{\"index\":1,\"status\":\"failed\",\"id\":\"b\",\"problem\":{\"detail\":\"not acknowledged\"}}]}"));

        List<Outcome> outcomes = client(ingest.url()).send(items("{\"body\":\"الأول\"}", "{\"body\":\"الثاني\"}"));

        assertThat(ingest.requests).extracting(List::size).containsExactly(2, 1);
        assertThat(ingest.requests.get(1)).containsExactly("{\"body\":\"الثاني\"}");
        assertThat(outcomes).extracting(Outcome::status).containsExactly("accepted", "accepted");
    }

    @Test
    void aBatchTooLargeForIngestIsSplit() throws Exception {
        for (int i = 0; i < 3; i++) {
            ingest.then(lines -> lines.size() > 2 ? new FakeIngest.Answer(413, null, "{\"title\":\"Too large\"}")
                    : FakeIngest.perItem(lines));
        }

        List<Outcome> outcomes = client(ingest.url()).send(items(IntStream.range(0, 4)
                .mapToObj(i -> "{\"body\":\"خبر " + i + "\"}").toArray(String[]::new)));

        assertThat(ingest.requests).extracting(List::size).containsExactly(4, 2, 2);
        assertThat(outcomes).extracting(Outcome::status).containsOnly("accepted").hasSize(4);
    }

    @Test
    void aRequestIngestRefusesWholeRejectsEveryItemWithTheReason() throws Exception {
        ingest.then(lines -> new FakeIngest.Answer(415, null, "{\"title\":\"Unsupported Media Type\",\"detail\":\"Content-Type not supported\"}"));

        List<Outcome> outcomes = client(ingest.url()).send(items("{}", "{}"));

        assertThat(outcomes).extracting(Outcome::status).containsOnly("rejected");
        assertThat(outcomes.get(0).reason()).isEqualTo("HTTP 415: Content-Type not supported");
    }

    @Test
    void anUnreachableIngestFailsEveryItemAfterTheRetries() throws Exception {
        URI closed = ingest.url();
        ingest.close();

        List<Outcome> outcomes = client(closed).send(items("{}"));

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo("failed");
            assertThat(outcome.reason()).startsWith("ingest unreachable at " + closed);
        });
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    private IngestClient client(URI url) {
        return new IngestClient(HttpClient.newHttpClient(), url, null, JsonMapper.builder().build(), 3, Duration.ofMillis(100),
                pauses::add);
    }

    private static List<Item> items(String... lines) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            items.add(new Item(Path.of("f.ndjson"), "line " + (i + 1), lines[i]));
        }
        return items;
    }
}
