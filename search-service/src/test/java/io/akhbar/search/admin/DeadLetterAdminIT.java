package io.akhbar.search.admin;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.DeadLetterHeaders;
import io.akhbar.localstack.KafkaProbe;
import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.LocalStackExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dead-letter admin API against a real broker and Elasticsearch: poison records of both stages are listed with
 * their reason and origin, a record whose bug is fixed is replayed and indexed, a replay that fails again comes back
 * as a new dead letter, and bad requests are refused.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLetterAdminIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String RAW = "articles.raw.admin." + RUN;
    private static final String RAW_DLQ = "articles.raw.dlq.admin." + RUN;
    private static final String ENRICHED = "articles.enriched.admin." + RUN;
    private static final String DLQ = "articles.enriched.dlq.admin." + RUN;
    private static final String ADMIN = "/api/v1/admin/dead-letters";

    private static KafkaProbe kafka;
    private static KafkaProducer<byte[], byte[]> producer;
    private static String poisonId;
    private static String fixedId;
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> LocalStack.shared().kafkaBootstrapServers());
        registry.add("spring.cloud.stream.bindings.index-in-0.destination", () -> ENRICHED);
        registry.add("spring.cloud.stream.bindings.index-in-0.group", () -> "search-service-admin-" + RUN);
        registry.add("spring.cloud.stream.bindings.dead-letters-out-0.destination", () -> DLQ);
        registry.add("akhbar.elasticsearch.url", () -> LocalStack.shared().elasticsearchUrl());
        registry.add("akhbar.admin.dead-letters.topics", () -> RAW_DLQ + "," + DLQ);
        registry.add("akhbar.guard.api-keys", () -> LocalStack.shared().apiKey());
        registry.add("akhbar.admin.dead-letters.replay-targets", () -> RAW + "," + ENRICHED);
        registry.add("akhbar.admin.dead-letters.replays-topic", () -> "dead-letters.replays.admin." + RUN);
    }

    @BeforeAll
    static void connect() {
        kafka = new KafkaProbe(LocalStack.shared().kafkaBootstrapServers());
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(properties);
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    @Order(1)
    void anUnreadableEnrichedRecordIsListedWithItsReasonAndOrigin() throws Exception {
        String key = "poison-" + RUN;
        kafka.send(ENRICHED, key, "{not json".getBytes(StandardCharsets.UTF_8),
                Map.of(ArticleHeaders.TRACE_ID, "trace-" + RUN, ArticleHeaders.INGESTED_AT, "1769077000000"));

        JsonNode entry = awaitEntry(DLQ, key);
        poisonId = entry.path("id").asString();
        assertThat(poisonId).startsWith(DLQ + "-");
        assertThat(entry.path("topic").asString()).isEqualTo(DLQ);
        assertThat(entry.path("reason").asString()).startsWith("unreadable article");
        assertThat(entry.path("originalTopic").asString()).isEqualTo(ENRICHED);
        assertThat(entry.path("originalPartition").isInt()).isTrue();
        assertThat(entry.path("originalOffset").asLong()).isNotNegative();
        assertThat(entry.path("originalTimestamp").asString()).isNotBlank();
        assertThat(entry.path("timestamp").asString()).isNotBlank();
        assertThat(entry.path("exceptionClass").asString()).contains("jackson");
        assertThat(entry.path("stackTrace").asString().lines().count()).isBetween(2L, 9L);
        assertThat(entry.path("traceId").asString()).isEqualTo("trace-" + RUN);
        assertThat(entry.path("payload").path("encoding").asString()).isEqualTo("utf-8");
        assertThat(entry.path("payload").path("text").asString()).isEqualTo("{not json");
        assertThat(entry.path("replayStatus").asString()).isEqualTo("pending");
        assertThat(entry.has("headers")).as("headers only in the detail").isFalse();

        JsonNode detail = getJson(ADMIN + "/" + poisonId);
        assertThat(detail.path("stackTrace").asString().lines().count()).isGreaterThan(9);
        assertThat(detail.path("headers").path(ArticleHeaders.INGESTED_AT).asString()).isEqualTo("1769077000000");
        assertThat(detail.path("headers").path(DeadLetterHeaders.ORIGINAL_TOPIC).asString()).isEqualTo(ENRICHED);

        // The same header set and encodings as nlp-service's DLQ (the binder's own names and encodings).
        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.read(DLQ).stream().filter(r -> key.equals(r.key())).findFirst().orElse(null), r -> r != null);
        assertThat(record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION).value()).hasSize(4);
        assertThat(record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value()).hasSize(8);
        assertThat(record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TIMESTAMP).value()).hasSize(8);
        assertThat(KafkaProbe.header(record, DeadLetterHeaders.ORIGINAL_TIMESTAMP_TYPE)).isEqualTo("CreateTime");
        assertThat(KafkaProbe.header(record, DeadLetterHeaders.EXCEPTION_FQCN)).isNotBlank();
        assertThat(KafkaProbe.header(record, DeadLetterHeaders.EXCEPTION_STACKTRACE)).isNotBlank();
        assertThat(KafkaProbe.header(record, ArticleHeaders.TRACE_ID)).isEqualTo("trace-" + RUN);
    }

    @Test
    @Order(2)
    void aBinderDeadLetterOfTheRawStageIsListed() throws Exception {
        String key = "raw-poison-" + RUN;
        Map<String, byte[]> headers = binderHeaders(RAW, 3, 41,
                "org.springframework.messaging.MessageHandlingException",
                "Caused by: tools.jackson.core.exc.StreamReadException: Unexpected character");
        String id = sendDeadLetter(RAW_DLQ, key, new byte[] {(byte) 0xFF, 0x00, 0x7B}, headers);

        JsonNode entry = awaitEntry(RAW_DLQ, key);
        assertThat(entry.path("id").asString()).isEqualTo(id);
        assertThat(entry.path("originalTopic").asString()).isEqualTo(RAW);
        assertThat(entry.path("originalPartition").asInt()).isEqualTo(3);
        assertThat(entry.path("originalOffset").asLong()).isEqualTo(41);
        assertThat(entry.path("exceptionClass").asString()).isEqualTo("org.springframework.messaging.MessageHandlingException");
        assertThat(entry.path("rootCause").asString()).isEqualTo("tools.jackson.core.exc.StreamReadException");
        assertThat(entry.path("payload").path("encoding").asString()).isEqualTo("base64");
        assertThat(entry.path("payload").path("text").asString()).isEqualTo("/wB7");
        // Unfiltered, the list holds both stages, raw first (configured order).
        List<String> topics = new ArrayList<>();
        getJson(ADMIN + "?limit=500").path("items").forEach(item -> topics.add(item.path("topic").asString()));
        assertThat(topics).contains(RAW_DLQ, DLQ);
        assertThat(topics.indexOf(DLQ)).isGreaterThan(topics.lastIndexOf(RAW_DLQ));
    }

    @Test
    @Order(3)
    void aDeadLetterWhoseBugIsFixedIsReplayedIndexedAndShownReplayed() throws Exception {
        // As if the indexing bug were fixed: the dead letter's payload is an article that can be indexed now.
        String articleId = "fixed-" + RUN;
        String word = "replayword" + RUN.replaceAll("[^a-z]", "");
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("schemaVersion", 1);
        article.put("id", articleId);
        article.put("title", "عنوان");
        article.put("body", "خبر أعيد إرساله " + word);
        article.put("submittedAt", "2026-01-22T10:16:00Z");
        article.put("enrichedAt", "2026-01-22T10:16:01Z");
        article.put("language", Map.of("code", "ar", "confidence", 0.99));
        Map<String, byte[]> headers = binderHeaders(ENRICHED, 0, 7, "java.lang.IllegalStateException", "");
        headers.put(ArticleHeaders.TRACE_ID, ("trace-fixed-" + RUN).getBytes(StandardCharsets.UTF_8));
        fixedId = sendDeadLetter(DLQ, articleId, json.writeValueAsBytes(article), headers);

        JsonNode response = post(ADMIN + "/replay", Map.of("ids", List.of(fixedId)), 200);
        assertThat(response.path("replayed").asInt()).isEqualTo(1);
        JsonNode result = response.path("results").get(0);
        assertThat(result.path("id").asString()).isEqualTo(fixedId);
        assertThat(result.path("status").asString()).isEqualTo("replayed");
        assertThat(result.path("replayedTo").asString()).startsWith(ENRICHED + "-");
        assertThat(result.path("replayCount").asInt()).isEqualTo(1);

        JsonNode hits = await().atMost(Duration.ofSeconds(30)).until(
                () -> json.readTree(get("/api/v1/search?q=" + word).body()), found -> found.path("total").asLong() == 1);
        assertThat(hits.path("hits").get(0).path("id").asString()).isEqualTo(articleId);

        ConsumerRecord<String, byte[]> replayed = await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.read(ENRICHED).stream().filter(r -> articleId.equals(r.key())).findFirst().orElse(null),
                r -> r != null);
        assertThat(KafkaProbe.header(replayed, DeadLetterHeaders.REPLAYED_FROM)).isEqualTo(fixedId);
        assertThat(KafkaProbe.header(replayed, DeadLetterHeaders.REPLAY_COUNT)).isEqualTo("1");
        assertThat(KafkaProbe.header(replayed, ArticleHeaders.TRACE_ID)).isEqualTo("trace-fixed-" + RUN);
        assertThat(replayed.headers().lastHeader(DeadLetterHeaders.EXCEPTION_MESSAGE)).isNull();
        assertThat(replayed.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TOPIC)).isNull();

        JsonNode entry = awaitEntry(DLQ, articleId);
        assertThat(entry.path("replayStatus").asString()).isEqualTo("replayed");
        assertThat(entry.path("replayedAt").asString()).isNotBlank();
        assertThat(entry.path("replayedTo").asString()).isEqualTo(result.path("replayedTo").asString());
        assertThat(entry.path("replays").asInt()).isEqualTo(1);
        assertThat(getJson(ADMIN + "/" + fixedId).path("replayStatus").asString()).isEqualTo("replayed");
    }

    @Test
    @Order(4)
    void aReplayThatFailsAgainIsANewDeadLetterAndNothingIsDropped() throws Exception {
        JsonNode response = post(ADMIN + "/replay", Map.of("ids", List.of(poisonId)), 200);
        assertThat(response.path("results").get(0).path("status").asString()).isEqualTo("replayed");

        JsonNode again = await().atMost(Duration.ofSeconds(30)).until(
                () -> entries(DLQ).stream().filter(e -> poisonId.equals(e.path("replayedFrom").asString())).findFirst()
                        .orElse(null), entry -> entry != null);
        assertThat(again.path("id").asString()).isNotEqualTo(poisonId);
        assertThat(again.path("previousReplays").asInt()).isEqualTo(1);
        assertThat(again.path("reason").asString()).startsWith("unreadable article");
        assertThat(again.path("replayStatus").asString()).isEqualTo("pending");
        JsonNode first = entries(DLQ).stream().filter(e -> poisonId.equals(e.path("id").asString())).findFirst().orElseThrow();
        assertThat(first.path("replayStatus").asString()).as("still listed, marked replayed").isEqualTo("replayed");

        // "all" replays what is pending only: neither the first poison nor the fixed record again.
        JsonNode all = post(ADMIN + "/replay", Map.of("topic", DLQ, "all", true), 200);
        List<String> replayed = new ArrayList<>();
        all.path("results").forEach(r -> replayed.add(r.path("id").asString()));
        assertThat(replayed).contains(again.path("id").asString()).doesNotContain(poisonId, fixedId);
        assertThat(all.path("more").asBoolean()).isFalse();
        String againId = again.path("id").asString();
        JsonNode third = await().atMost(Duration.ofSeconds(30)).until(
                () -> entries(DLQ).stream().filter(e -> againId.equals(e.path("replayedFrom").asString())).findFirst()
                        .orElse(null), entry -> entry != null);
        assertThat(third.path("previousReplays").asInt()).isEqualTo(2);
    }

    @Test
    @Order(5)
    void pagesWalkEveryDeadLetterOnce() throws Exception {
        List<String> whole = new ArrayList<>();
        getJson(ADMIN + "?limit=500").path("items").forEach(item -> whole.add(item.path("id").asString()));
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = getJson(ADMIN + "?limit=2" + (after == null ? "" : "&after=" + after));
            assertThat(page.path("items").size()).isLessThanOrEqualTo(2);
            page.path("items").forEach(item -> paged.add(item.path("id").asString()));
            after = page.path("next").isNull() || page.path("next").isMissingNode() ? null : page.path("next").asString();
        } while (after != null);
        assertThat(whole).hasSizeGreaterThanOrEqualTo(4);
        assertThat(paged).isEqualTo(whole);
        assertThat(getJson(ADMIN + "?since=2099-01-01T00:00:00Z").path("items").size()).isZero();
        assertThat(getJson(ADMIN + "?since=PT1H&topic=" + RAW_DLQ).path("items").size()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void unknownDeadLettersAreNotFound() throws Exception {
        String unknown = DLQ + "-0-999999";
        JsonNode response = post(ADMIN + "/replay", Map.of("ids", List.of(unknown, DLQ + "-99-0")), 200);
        assertThat(response.path("notFound").asInt()).isEqualTo(2);
        assertThat(response.path("results").get(0).path("status").asString()).isEqualTo("not-found");

        HttpResponse<String> detail = get(ADMIN + "/" + unknown);
        assertThat(detail.statusCode()).isEqualTo(404);
        assertThat(detail.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @Order(7)
    void badRequestsAreRefusedAsProblemJson() throws Exception {
        Map<String, String> badQueries = Map.of(
                "?limit=0", "limit", "?limit=100000", "limit", "?topic=" + ENRICHED, "topic", "?after=nonsense", "after",
                "?after=" + RAW_DLQ + "-0-1&topic=" + DLQ, "after", "?since=yesterday", "since");
        for (Map.Entry<String, String> bad : badQueries.entrySet()) {
            assertProblem(get(ADMIN + bad.getKey()), bad.getValue());
        }
        assertThat(get(ADMIN + "?limit=abc").statusCode()).isEqualTo(400);
        assertProblem(get(ADMIN + "/nonsense"), "id");
        assertProblem(get(ADMIN + "/" + ENRICHED + "-0-1"), "id");
        assertProblem(postRaw(ADMIN + "/replay", "{}"), "body");
        assertProblem(postRaw(ADMIN + "/replay", "{\"ids\":[\"x\"]}"), "ids");
        assertProblem(postRaw(ADMIN + "/replay", "{\"topic\":\"" + DLQ + "\"}"), "all");
        HttpResponse<String> unreadable = postRaw(ADMIN + "/replay", "{not json");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private void assertProblem(HttpResponse<String> response, String parameter) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://akhbar.io/problems/invalid-admin-request");
        assertThat(problem.path("parameter").asString()).as(response.uri().toString()).isEqualTo(parameter);
    }

    /** Headers as Spring Cloud Stream's Kafka binder writes them for a DLQ record. */
    private static Map<String, byte[]> binderHeaders(String topic, int partition, long offset, String exception,
            String cause) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(DeadLetterHeaders.ORIGINAL_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        headers.put(DeadLetterHeaders.ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(partition).array());
        headers.put(DeadLetterHeaders.ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(offset).array());
        headers.put(DeadLetterHeaders.ORIGINAL_TIMESTAMP, ByteBuffer.allocate(8).putLong(1_769_077_000_000L).array());
        headers.put(DeadLetterHeaders.ORIGINAL_TIMESTAMP_TYPE, "CreateTime".getBytes(StandardCharsets.UTF_8));
        headers.put(DeadLetterHeaders.EXCEPTION_FQCN, exception.getBytes(StandardCharsets.UTF_8));
        headers.put(DeadLetterHeaders.EXCEPTION_MESSAGE, "failed to process".getBytes(StandardCharsets.UTF_8));
        headers.put(DeadLetterHeaders.EXCEPTION_STACKTRACE, (exception + ": failed\n\tat x.Y.z(Y.java:1)\n" + cause)
                .getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static String sendDeadLetter(String topic, String key, byte[] value, Map<String, byte[]> headers)
            throws Exception {
        var record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
        headers.forEach((name, bytes) -> record.headers().add(name, bytes));
        RecordMetadata sent = producer.send(record).get();
        return sent.topic() + "-" + sent.partition() + "-" + sent.offset();
    }

    private JsonNode awaitEntry(String topic, String key) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> entries(topic).stream().filter(e -> key.equals(e.path("key").asString())).findFirst().orElse(null),
                entry -> entry != null);
    }

    private List<JsonNode> entries(String topic) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        getJson(ADMIN + "?limit=500&topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8))
                .path("items").forEach(entries::add);
        return entries;
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode post(String path, Object body, int status) throws Exception {
        HttpResponse<String> response = postRaw(path, json.writeValueAsString(body));
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postRaw(String path, String body) throws Exception {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(LocalStack.API_KEY_HEADER, LocalStack.shared().apiKey())
                .timeout(Duration.ofSeconds(30));
    }
}
