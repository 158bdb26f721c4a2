package io.akhbar.e2e;

import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.LocalStackExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Following one article through the three services' logs, as an operator would: every service writes JSON lines, and
 * the trace id the client sent comes back in {@code X-Trace-Id} and appears, with the article id, in the log of each
 * stage. Also the operator's other two views: nlp's dead-letter counter, and feed health in the ops summary.
 */
@ExtendWith(LocalStackExtension.class)
class TracingIT {

    private static final String PIPELINE = "akhbar.pipeline";

    private static final Pattern ENRICHMENT_DEAD_LETTERS =
            Pattern.compile("(?m)^akhbar_articles_dead_lettered_total\\{[^}]*stage=\"enrichment\"[^}]*} ([0-9.eE+]+)");

    private static LocalStack stack;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startServices() {
        stack = LocalStack.sharedWithServices();
    }

    @Test
    void oneTraceIdFollowsAnArticleThroughTheJsonLogsOfAllThreeServices() throws Exception {
        String traceId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String word = "أثرفريد" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String body = json.writeValueAsString(Map.of(
                "title", "خبر لتتبع السجلات",
                "body", "هذا خبر قصير عن " + word + " لمتابعة أثره في السجلات.",
                "url", "https://example.com/e2e/tracing/" + word));

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(stack.serviceUrl("ingest-service") + "/api/v1/articles"))
                        .header(LocalStack.API_KEY_HEADER, stack.apiKey())
                        .header("Content-Type", "application/json")
                        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("X-Trace-Id")).contains(traceId);
        String articleId = json.readTree(response.body()).path("id").asString();
        awaitSearchable(word);

        for (String module : List.of("ingest-service", "nlp-service", "search-service")) {
            JsonNode line = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> findLine(module, traceId, articleId), Optional::isPresent).orElseThrow();
            assertThat(field(line, "log", "level")).as(module).isEqualTo("INFO");
            assertThat(field(line, "log", "logger")).as(module).isEqualTo("akhbar.pipeline");
            assertThat(field(line, "service", "name")).as(module).isEqualTo(module);
        }
    }

    @Test
    void aPoisonRecordShowsInNlpsDeadLetterCounter() throws Exception {
        double before = enrichmentDeadLetters();
        String key = "poison-" + UUID.randomUUID();

        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>("articles.raw", key, "{not an article".getBytes(StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS);
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(this::enrichmentDeadLetters, count -> count >= before + 1);
        JsonNode warning = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> findLine("nlp-service", null, key), Optional::isPresent).orElseThrow();
        assertThat(warning.toString()).contains("dead-lettered", "unreadable");
    }

    @Test
    void aFeedHealthReportAppearsInTheOpsSummary() throws Exception {
        String id = "e2e-feed-" + UUID.randomUUID();
        String url = "https://example.com/" + id + "/rss.xml";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()))) {
            // Ingest creates it on its first report; here no feed is polled, so create it as ingest would.
            admin.createTopics(List.of(new NewTopic("feeds.health", 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(TopicExistsException.class);
        }
        String report = json.writeValueAsString(Map.of("id", id, "url", url, "source", "مثال", "status", "failing",
                "lastSuccess", "2026-02-01T10:00:00Z", "lastError", "HTTP 503 from the feed",
                "articlesPerDay", 4.5, "silentSince", "2026-01-31T08:00:00Z", "reportedAt", "2026-02-01T10:05:00Z"));

        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>("feeds.health", id, report.getBytes(StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS);
        }

        JsonNode feed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> feedInOpsSummary(url), Optional::isPresent).orElseThrow();
        assertThat(feed.path("source").asString()).isEqualTo("مثال");
        assertThat(feed.path("lastSuccess").asString()).isEqualTo("2026-02-01T10:00:00Z");
        assertThat(feed.path("lastError").asString()).isEqualTo("HTTP 503 from the feed");
        assertThat(feed.path("articlesPerDay").asDouble()).isEqualTo(4.5);
        assertThat(feed.path("silentSince").asString()).isEqualTo("2026-01-31T08:00:00Z");
    }

    /**
     * The module's per-article line naming the article (and the trace, when given); other loggers may name the
     * article too (a container's error, say).
     */
    private Optional<JsonNode> findLine(String module, String traceId, String articleId) {
        List<String> lines;
        try {
            lines = Files.readAllLines(stack.logDirectory().resolve(module + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            if (!line.startsWith("{") || !line.contains(articleId)) {
                continue;
            }
            JsonNode node = json.readTree(line);
            if (articleId.equals(field(node, "article", "id")) && PIPELINE.equals(field(node, "log", "logger"))
                    && (traceId == null || traceId.equals(field(node, "trace", "id")))) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /** ECS nests dotted names ({@code trace: {id: …}}); a flat {@code "trace.id"} is read as well. */
    private static String field(JsonNode node, String parent, String child) {
        JsonNode flat = node.path(parent + "." + child);
        return flat.isMissingNode() ? node.path(parent).path(child).asString(null) : flat.asString(null);
    }

    private double enrichmentDeadLetters() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(stack.serviceUrl("nlp-service") + "/actuator/prometheus"))
                        .header(LocalStack.API_KEY_HEADER, stack.apiKey())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher matcher = ENRICHMENT_DEAD_LETTERS.matcher(response.body());
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }

    private Optional<JsonNode> feedInOpsSummary(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(stack.serviceUrl("search-service") + "/api/v1/ops/pipeline"))
                .header(LocalStack.API_KEY_HEADER, stack.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        for (JsonNode feed : json.readTree(response.body()).path("feeds")) {
            if (url.equals(feed.path("url").asString())) {
                return Optional.of(feed);
            }
        }
        return Optional.empty();
    }

    private void awaitSearchable(String word) {
        String url = stack.serviceUrl("search-service") + "/api/v1/search?q="
                + URLEncoder.encode(word, StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && json.readTree(response.body()).path("total").asLong() == 1;
        });
    }
}
