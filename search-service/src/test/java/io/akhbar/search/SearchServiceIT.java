package io.akhbar.search;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.localstack.KafkaProbe;
import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.LocalStackExtension;
import io.akhbar.localstack.TcpProxy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Indexing and search against a real Kafka broker and a real Elasticsearch node. Elasticsearch is reached through a
 * proxy that the outage test cuts.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchServiceIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ENRICHED = "articles.enriched." + RUN;
    private static final String DLQ = "articles.enriched.dlq." + RUN;
    private static final String GROUP = "search-service-" + RUN;

    private static KafkaProbe kafka;
    private static TcpProxy elasticsearch;
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) throws IOException {
        URI es = URI.create(LocalStack.shared().elasticsearchUrl());
        elasticsearch = new TcpProxy(es.getHost(), es.getPort());
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> LocalStack.shared().kafkaBootstrapServers());
        registry.add("spring.cloud.stream.bindings.index-in-0.destination", () -> ENRICHED);
        registry.add("spring.cloud.stream.bindings.index-in-0.group", () -> GROUP);
        registry.add("spring.cloud.stream.bindings.dead-letters-out-0.destination", () -> DLQ);
        registry.add("akhbar.elasticsearch.url", () -> "http://127.0.0.1:" + elasticsearch.port());
    }

    @BeforeAll
    static void connect() {
        kafka = new KafkaProbe(LocalStack.shared().kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
        elasticsearch.close();
    }

    @Test
    @Order(1)
    void indexedArticlesAreFoundAcrossSpellingVariantsWithHighlights() throws Exception {
        String id = "davos-" + RUN;
        publish(id, "ويتكوف وكوشنر إلى موسكو", "قال المبعوث إن الاجتماع في دافوس تناول خطة السلام مع الرئيس الأميركي.");

        JsonNode result = awaitSearch("دافوس", 1);
        JsonNode hit = result.path("hits").get(0);
        assertThat(hit.path("id").asString()).isEqualTo(id);
        assertThat(hit.path("title").asString()).isEqualTo("ويتكوف وكوشنر إلى موسكو");
        assertThat(hit.path("snippet").asString()).contains("<mark>دافوس</mark>");
        assertThat(hit.path("language").asString()).isEqualTo("ar");
        assertThat(hit.path("score").asDouble()).isPositive();
        // Hamza and alef-maqsura variants of the query find the same article.
        assertThat(search("الي موسكو").path("hits").get(0).path("id").asString()).isEqualTo(id);
        assertThat(search("الأميركيّ").path("total").asLong()).isEqualTo(1);

        HttpResponse<String> article = get("/api/v1/articles/" + id);
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(json.readTree(article.body()).path("body").asString()).contains("دافوس");
    }

    @Test
    @Order(2)
    void redeliveredArticlesStayOneDocument() throws Exception {
        String id = "twice-" + RUN;
        publish(id, "عنوان", "خبر مكرر عن زابوروجيا");
        publish(id, "عنوان", "خبر مكرر عن زابوروجيا");
        String marker = "marker-" + RUN;
        publish(marker, "عنوان", "خبر لاحق عن زابوروجيا");

        JsonNode result = awaitSearch("زابوروجيا", 2);
        assertThat(result.path("hits").findValuesAsString("id")).containsExactlyInAnyOrder(id, marker);
    }

    @Test
    @Order(3)
    void unreadableRecordsAreDeadLetteredAndTheRestIndexed() throws Exception {
        kafka.send(ENRICHED, "bad-" + RUN, "{not json".getBytes(StandardCharsets.UTF_8), Map.of());
        kafka.send(ENRICHED, "bad-" + RUN, "{\"id\":\"no-body\",\"submittedAt\":\"2026-01-22T10:16:00Z\"}"
                .getBytes(StandardCharsets.UTF_8), Map.of());
        publish("good-" + RUN, "عنوان", "خبر سليم عن إسطنبول");

        awaitSearch("إسطنبول", 1);
        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.read(DLQ), records -> records.size() == 2);
        assertThat(deadLetters).allSatisfy(record -> {
            assertThat(KafkaProbe.header(record, "x-original-topic")).isEqualTo(ENRICHED);
            assertThat(KafkaProbe.header(record, "x-original-offset")).matches("\\d+");
            assertThat(KafkaProbe.header(record, "x-exception-message")).startsWith("unreadable article");
        });
    }

    @Test
    @Order(4)
    void whileElasticsearchIsAwayNothingIsCommittedOrDroppedAndIndexingResumesByItself() throws Exception {
        elasticsearch.cut();
        try {
            long committedBefore = committedOffsets();
            String id = "outage-" + RUN;
            publish(id, "عنوان", "خبر أثناء انقطاع عن خيرسون");

            // The record is delivered and fails; the batch is retried, its offset stays uncommitted.
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                    .until(() -> committedOffsets() == committedBefore);
            assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(get("/api/v1/search?q=" + encode("خيرسون")).statusCode()).isEqualTo(503);
        } finally {
            elasticsearch.restore();
        }
        awaitSearch("خيرسون", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.read(DLQ).size() == 2);
    }

    @Test
    @Order(5)
    void badParametersGetProblemDetails() throws Exception {
        for (String path : List.of("/api/v1/search", "/api/v1/search?q=", "/api/v1/search?q=x&size=0",
                "/api/v1/search?q=x&size=abc", "/api/v1/search?q=x&size=1000", "/api/v1/articles/bad%20id")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(json.readTree(response.body()).path("status").asInt()).as(path).isEqualTo(400);
        }
        HttpResponse<String> missing = get("/api/v1/articles/unknown" + RUN);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private void publish(String id, String title, String body) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("schemaVersion", 1);
        article.put("id", id);
        article.put("title", title);
        article.put("body", body);
        article.put("submittedAt", "2026-01-22T10:16:00Z");
        article.put("enrichedAt", "2026-01-22T10:16:01Z");
        article.put("language", Map.of("code", "ar", "confidence", 0.99));
        kafka.send(ENRICHED, id, json.writeValueAsBytes(article),
                Map.of(ArticleHeaders.INGESTED_AT, String.valueOf(System.currentTimeMillis())));
    }

    /** Waits through 503s too: a fresh index answers them until its shard is allocated. */
    private JsonNode awaitSearch(String query, int expectedTotal) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> {
                    HttpResponse<String> response = get("/api/v1/search?q=" + encode(query));
                    return response.statusCode() == 503 ? null : json.readTree(response.body());
                }, result -> result != null && result.path("total").asLong() == expectedTotal);
    }

    private JsonNode search(String query) throws Exception {
        HttpResponse<String> response = get("/api/v1/search?q=" + encode(query));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long committedOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalStack.shared().kafkaBootstrapServers()))) {
            return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().values().stream()
                    .filter(java.util.Objects::nonNull)
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        }
    }
}
