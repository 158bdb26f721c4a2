package io.akhbar.ingest.batch;

import io.akhbar.ingest.KafkaOnly;
import io.akhbar.localstack.KafkaProbe;
import io.akhbar.localstack.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The batch endpoint against a real broker: every item answered, and only the accepted ones in the topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String RAW = "articles.raw.batch." + RUN;
    private static final String BATCH = "/api/v1/articles:batch";

    private static KafkaProbe kafka;
    /** Every id answered "accepted" in this class: the topic may hold these and nothing else. */
    private static final Set<String> ACCEPTED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", KafkaOnly::bootstrapServers);
        registry.add("spring.cloud.stream.bindings.articles-out-0.destination", () -> RAW);
        registry.add("akhbar.ingest.batch.max-request-size", () -> "2MB");
        registry.add("akhbar.guard.api-keys", KafkaOnly::apiKey);
    }

    @BeforeAll
    static void connect() {
        kafka = new KafkaProbe(KafkaOnly.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aJsonArrayWithBadItemsGetsPerItemResultsAndOnlyGoodItemsReachKafka() throws Exception {
        String body = json.writeValueAsString(List.of(
                Map.of("title", "ويتكوف في موسكو", "body", "قال ويتكوف إنه سيسافر إلى موسكو " + RUN,
                        "url", "https://example.com/batch/" + RUN + "/1", "publishedAt", "2026-01-22T10:15:30Z"),
                Map.of("title", "بلا نص", "body", ""),
                "ليس كائنا",
                Map.of("body", "نسخة ثانية من الخبر نفسه " + RUN, "url", "http://www.example.com/batch/" + RUN + "/1/"),
                Map.of("body", "خبر آخر عن دافوس " + RUN, "publishedAt", "أمس"),
                Map.of("body", "خبر عن القاهرة " + RUN)));

        HttpResponse<String> response = post("application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(statuses(answer)).containsExactly("accepted", "rejected", "rejected", "duplicate", "rejected", "accepted");
        assertThat(answer.path("accepted").asInt()).isEqualTo(2);
        assertThat(answer.path("duplicates").asInt()).isEqualTo(1);
        assertThat(answer.path("rejected").asInt()).isEqualTo(3);
        JsonNode results = answer.path("results");
        assertThat(results.get(1).path("problem").path("errors").get(0).path("field").asString()).isEqualTo("body");
        assertThat(results.get(2).path("problem").path("type").asString()).endsWith("/unreadable-item");
        assertThat(results.get(3).path("duplicateOf").asInt()).isZero();
        assertThat(results.get(3).path("id").asString()).isEqualTo(results.get(0).path("id").asString());
        assertThat(results.get(4).path("problem").path("errors").get(0).path("field").asString()).isEqualTo("publishedAt");

        String first = results.get(0).path("id").asString();
        String last = results.get(5).path("id").asString();
        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(20))
                .until(() -> kafka.read(RAW), all -> keys(all).containsAll(List.of(first, last)));
        assertThat(records).extracting(ConsumerRecord::key).isSubsetOf(ACCEPTED);
        assertThat(records).filteredOn(r -> r.key().equals(first)).singleElement()
                .satisfies(r -> assertThat(json.readTree(r.value()).path("title").asString()).isEqualTo("ويتكوف في موسكو"));
        assertThat(KafkaProbe.header(records.get(0), io.akhbar.contracts.ArticleHeaders.TRACE_ID)).isNotBlank();
    }

    @Test
    void ndjsonLinesAreAnsweredWithTheirLineNumbers() throws Exception {
        String body = "{\"body\":\"السطر الأول " + RUN + "\"}\n"
                + "\n"
                + "{\"body\": \"سطر مكسور\n"
                + "{\"body\":\"   \"}\r\n"
                + "{\"body\":\"السطر الخامس " + RUN + "\",\"source\":\"مثال\"}\n";

        HttpResponse<String> response = post("application/x-ndjson", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = json.readTree(response.body()).path("results");
        assertThat(statuses(json.readTree(response.body()))).containsExactly("accepted", "rejected", "rejected", "accepted");
        assertThat(StreamSupport.stream(results.spliterator(), false).map(r -> r.path("line").asInt()).toList())
                .containsExactly(1, 3, 4, 5);
        String lastId = results.get(3).path("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> keys(kafka.read(RAW)).contains(lastId));
    }

    @Test
    void requestsThatCannotBeReadAsABatchGetAProblemForTheWholeRequest() throws Exception {
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "{}").collect(Collectors.joining("\n"));
        List<HttpResponse<String>> responses = List.of(
                post("text/plain", "نص"),
                post("application/json", "[{\"body\":\"نص\"}, {\"body\":"),
                post("application/json", "{\"body\":\"نص\"}"),
                post("application/x-ndjson", ""),
                post("application/x-ndjson", tooMany),
                post("application/x-ndjson", "{\"body\":\"" + "ا".repeat(1_100_000) + "\"}"));

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(415, 400, 400, 400, 413, 413);
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json.readTree(response.body()).path("title").asString()).isNotBlank();
        });
    }

    /**
     * Not a performance gate: prints what one 1,000-item batch costs against 1,000 single requests on this machine,
     * and checks that every accepted item of the big batch is in Kafka.
     */
    @Test
    void aThousandItemBatchIsAcceptedWhole() throws Exception {
        post("application/x-ndjson", ndjson(100, "warm-up")); // JIT and producer connections
        for (int i = 0; i < 50; i++) {
            postSingle("خبر تمهيدي رقم " + i + " " + RUN);
        }

        long start = System.nanoTime();
        HttpResponse<String> response = post("application/x-ndjson", ndjson(1000, "big"));
        long batchMillis = (System.nanoTime() - start) / 1_000_000;

        start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            assertThat(postSingle("خبر منفرد رقم " + i + " " + RUN).statusCode()).isEqualTo(202);
        }
        long singleMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[akhbar] 1000-item batch: %d ms (%.0f items/s); 1000 single POSTs: %d ms (%.0f items/s)%n",
                batchMillis, 1000_000.0 / Math.max(1, batchMillis), singleMillis, 1000_000.0 / Math.max(1, singleMillis));

        JsonNode answer = json.readTree(response.body());
        assertThat(answer.path("accepted").asInt()).as(response.body()).isEqualTo(1000);
        Set<String> ids = new HashSet<>();
        answer.path("results").forEach(r -> ids.add(r.path("id").asString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> keys(kafka.read(RAW)).containsAll(ids));
    }

    private String ndjson(int count, String label) {
        return IntStream.range(0, count)
                .mapToObj(i -> json.writeValueAsString(Map.of(
                        "title", "خبر رقم " + i,
                        "body", "نص الخبر رقم " + i + " في دفعة " + label + " " + RUN + " " + "كلمات عربية للحجم. ".repeat(20),
                        "url", "https://example.com/" + label + "/" + RUN + "/" + i,
                        "source", "مثال")))
                .collect(Collectors.joining("\n"));
    }

    private static List<String> statuses(JsonNode answer) {
        List<String> statuses = new ArrayList<>();
        answer.path("results").forEach(result -> statuses.add(result.path("status").asString()));
        return statuses;
    }

    private static Set<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + BATCH))
                        .header("Content-Type", contentType)
                        .header(LocalStack.API_KEY_HEADER, KafkaOnly.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            json.readTree(response.body()).path("results").forEach(result -> {
                if (result.path("status").asString().equals("accepted")) {
                    ACCEPTED.add(result.path("id").asString());
                }
            });
        }
        return response;
    }

    private HttpResponse<String> postSingle(String text) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/articles"))
                        .header("Content-Type", "text/plain; charset=UTF-8")
                        .header(LocalStack.API_KEY_HEADER, KafkaOnly.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString(text))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 202) {
            ACCEPTED.add(json.readTree(response.body()).path("id").asString());
        }
        return response;
    }
}
