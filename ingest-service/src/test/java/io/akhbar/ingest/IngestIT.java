package io.akhbar.ingest;

import io.akhbar.contracts.ArticleHeaders;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ingest endpoint against a real Kafka broker: what gets a 202 is in the topic, and nothing else is. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String RAW = "articles.raw." + RUN;

    private static KafkaProbe kafka;
    /** Ids of every 202 in this class: the topic may hold these and nothing else. */
    private static final java.util.Set<String> ACCEPTED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", KafkaOnly::bootstrapServers);
        registry.add("spring.cloud.stream.bindings.articles-out-0.destination", () -> RAW);
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
    void acceptedArticlesAreInKafkaKeyedByIdWithTracingHeadersAndNothingElseIs() throws Exception {
        // Bad input first: none of it may reach the topic.
        List<HttpResponse<String>> rejected = List.of(
                post("application/json", "{\"title\":\"عنوان\",\"body\":\"\"}"),
                post("application/json", ""),
                post("application/json", "{\"body\": \"نص\""),
                post("application/json", "{\"body\": {\"nested\": true}}"),
                post("application/json", "{\"body\":\"" + "ا".repeat(600_000) + "\"}"),
                post("text/plain; charset=UTF-8", "   "),
                post("application/xml", "<article><body>نص</body></article>"));
        assertThat(rejected).extracting(HttpResponse::statusCode).containsExactly(400, 400, 400, 400, 413, 400, 415);
        assertThat(rejected).allSatisfy(response -> {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json.readTree(response.body()).path("title").asString()).isNotBlank();
        });

        HttpResponse<String> jsonArticle = post("application/json", json.writeValueAsString(Map.of(
                "title", "ويتكوف يلتقي بوتين",
                "body", "قال ستيف ويتكوف إنه سيسافر إلى موسكو " + RUN,
                "url", "https://www.example.com/news/" + RUN + "?utm_source=rss",
                "source", "مثال",
                "publishedAt", "2026-01-22T10:15:30Z")));
        String sample = Files.readString(Path.of("../samples/witkoff-kushner-moscow-davos.ar.txt"));
        HttpResponse<String> textArticle = post("text/plain", sample);

        assertThat(jsonArticle.statusCode()).as(jsonArticle.body()).isEqualTo(202);
        assertThat(textArticle.statusCode()).as(textArticle.body()).isEqualTo(202);
        JsonNode accepted = json.readTree(jsonArticle.body());
        assertThat(accepted.path("status").asString()).isEqualTo("accepted");
        String jsonId = accepted.path("id").asString();
        String textId = json.readTree(textArticle.body()).path("id").asString();

        // Kafka acknowledged before the 202, so the records are there now; the reader only needs to fetch them.
        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(20))
                .until(() -> kafka.read(RAW), all -> all.stream().map(ConsumerRecord::key).toList()
                        .containsAll(List.of(jsonId, textId)));
        assertThat(records).extracting(ConsumerRecord::key).isSubsetOf(ACCEPTED);

        ConsumerRecord<String, byte[]> jsonRecord = records.stream().filter(r -> r.key().equals(jsonId)).findFirst().orElseThrow();
        JsonNode submitted = json.readTree(jsonRecord.value());
        assertThat(submitted.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(submitted.path("id").asString()).isEqualTo(jsonId);
        assertThat(submitted.path("url").asString()).isEqualTo("https://example.com/news/" + RUN);
        assertThat(submitted.path("publishedAt").asString()).isEqualTo("2026-01-22T10:15:30Z");
        assertThat(KafkaProbe.header(jsonRecord, ArticleHeaders.INGESTED_AT)).matches("\\d{13}");
        assertThat(KafkaProbe.header(jsonRecord, ArticleHeaders.TRACE_ID)).isNotBlank();

        ConsumerRecord<String, byte[]> textRecord = records.stream().filter(r -> r.key().equals(textId)).findFirst().orElseThrow();
        JsonNode text = json.readTree(textRecord.value());
        assertThat(text.path("body").asString()).isEqualTo(sample);
        assertThat(text.path("title").asString()).startsWith("قال ستيف ويتكوف").doesNotContain("\n");
    }

    @Test
    void theSameArticleSubmittedTwiceKeepsItsId() throws Exception {
        String body = "{\"body\":\"خبر عن زابوريجيا " + RUN + "\",\"url\":\"https://example.com/z/" + RUN + "\"}";

        String first = json.readTree(post("application/json", body).body()).path("id").asString();
        String second = json.readTree(post("application/json", body.replace("https://", "http://www.")).body())
                .path("id").asString();

        assertThat(first).matches("[0-9a-f]{32}").isEqualTo(second);
    }

    @Test
    void ingestFeedsAndActuatorNeedTheKeyAndHealthDoesNot() throws Exception {
        String article = "{\"body\":\"خبر بمفتاح " + RUN + "\"}";
        // The batch carries the same article, so the same id: what the topic may hold stays known.
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("/api/v1/articles", article);
        bodies.put("/api/v1/articles:batch", "[" + article + "]");
        bodies.put("/api/v1/feeds", null);
        bodies.put("/actuator/prometheus", null);
        for (String path : bodies.keySet()) {
            String body = bodies.get(path);
            HttpResponse<String> missing = send(path, body);
            HttpResponse<String> wrong = send(path, body, LocalStack.API_KEY_HEADER, "not-the-key");
            HttpResponse<String> right = send(path, body, "Authorization", "Bearer " + KafkaOnly.apiKey());

            assertThat(missing.statusCode()).as(path).isEqualTo(401);
            assertThat(missing.headers().firstValue("WWW-Authenticate")).as(path).isPresent();
            assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(wrong.statusCode()).as(path).isEqualTo(403);
            assertThat(wrong.body()).doesNotContain("not-the-key");
            assertThat(right.statusCode()).as(path + " " + right.body()).isBetween(200, 299);
            if (right.statusCode() == 202) {
                ACCEPTED.add(json.readTree(right.body()).path("id").asString());
            }
        }
        assertThat(send("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(send("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        request.method(body == null ? "GET" : "POST",
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/articles"))
                        .header("Content-Type", contentType)
                        .header(LocalStack.API_KEY_HEADER, KafkaOnly.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 202) {
            ACCEPTED.add(json.readTree(response.body()).path("id").asString());
        }
        return response;
    }
}
