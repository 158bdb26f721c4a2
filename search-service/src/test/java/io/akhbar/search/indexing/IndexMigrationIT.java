package io.akhbar.search.indexing;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.localstack.KafkaProbe;
import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.LocalStackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
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
 * Version 1 → 2 against a real Elasticsearch: an alias on a v1 index (made from the v1 definition, with v1-shaped
 * documents, as the previous release wrote them) is moved to a new v2 index at start-up, every document copied and
 * rebuilt, the v1 index kept for rollback, and an article that arrives while the migration runs ends up in v2.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IndexMigrationIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ALIAS = "migration-" + RUN;
    private static final String CURRENT = ALIAS + "-v" + ArticleIndex.CURRENT_VERSION;
    private static final String ENRICHED = "articles.enriched.migration." + RUN;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static KafkaProbe kafka;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> LocalStack.shared().kafkaBootstrapServers());
        registry.add("spring.cloud.stream.bindings.index-in-0.destination", () -> ENRICHED);
        registry.add("spring.cloud.stream.bindings.index-in-0.group", () -> "search-migration-" + RUN);
        registry.add("spring.cloud.stream.bindings.dead-letters-out-0.destination", () -> ENRICHED + ".dlq");
        registry.add("akhbar.elasticsearch.url", () -> LocalStack.shared().elasticsearchUrl());
        registry.add("akhbar.index.alias", () -> ALIAS);
        // Small pages, so that the copy takes several and story ids must carry over from page to page.
        registry.add("akhbar.index.migration-batch-size", () -> "2");
    }

    /** Runs before the application starts: the cluster as the previous release left it. */
    @BeforeAll
    static void previousRelease() throws Exception {
        try (InputStream v1 = IndexMigrationIT.class.getResourceAsStream("/elasticsearch/articles-v1.json")) {
            JsonNode definition = JSON.readTree(v1);
            String body = JSON.writeValueAsString(Map.of("settings", definition.path("settings"),
                    "mappings", definition.path("mappings"), "aliases", Map.of(ALIAS, Map.of("is_write_index", true))));
            assertThat(es("PUT", "/" + ALIAS + "-v1", body).statusCode()).isEqualTo(200);
        }
        v1Document("v1-a", "لقاء في الكرملين", "قال المتحدث إن للرئيس بوتين رأياً في الخطة.", "agency-a",
                "2026-01-10T08:00:00Z", "00ff00ff00ff00ff");
        v1Document("v1-b", "لقاء في الكرملين", "قال المتحدث إن للرئيس بوتين رأياً في هذه الخطة.", "agency-b",
                "2026-01-10T09:00:00Z", "00ff00ff00ff00fe");
        v1Document("v1-c", "أسعار النفط", "ارتفعت أسعار النفط في الأسواق العالمية.", "agency-a",
                "2026-01-11T08:00:00Z", "ff00ff00ff00ff00");
        es("POST", "/" + ALIAS + "-v1/_refresh", "");
        kafka = new KafkaProbe(LocalStack.shared().kafkaBootstrapServers());
        // Waiting in Kafka when the application starts: indexed only once the migration is done, into the new version.
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("schemaVersion", 1);
        article.put("id", "during-" + RUN);
        article.put("title", "خبر جديد");
        article.put("body", "وصل الرئيس إلى زابوروجيا.");
        article.put("submittedAt", "2026-01-12T10:00:00Z");
        article.put("enrichedAt", "2026-01-12T10:00:01Z");
        kafka.send(ENRICHED, "during-" + RUN, JSON.writeValueAsBytes(article),
                Map.of(ArticleHeaders.INGESTED_AT, String.valueOf(System.currentTimeMillis())));
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void theAliasMovesToTheCurrentVersionWithEveryDocumentRebuiltAndVersionOneKept() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                es("GET", "/_alias/" + ALIAS, "").body().contains(CURRENT));
        JsonNode aliases = JSON.readTree(es("GET", "/_alias/" + ALIAS, "").body());
        assertThat(aliases.propertyNames()).containsExactly(CURRENT);
        assertThat(es("GET", "/" + ALIAS + "-v1/_count", "").body()).contains("\"count\":3");

        JsonNode migrated = source("v1-a");
        assertThat(migrated.has("titleNormalized")).isFalse();
        assertThat(migrated.path("date").asString()).isEqualTo("2026-01-10T08:00:00Z");
        assertThat(migrated.path("fingerprintBands")).hasSize(4);
        // Near-duplicates copied on different pages still share a story.
        assertThat(source("v1-b").path("storyId").asString()).isEqualTo("v1-a");
        assertThat(source("v1-c").path("storyId").asString()).isEqualTo("v1-c");

        // The plugin analyzer now does the matching: للرئيس is رئيس.
        JsonNode hits = await().atMost(Duration.ofSeconds(30)).until(() -> search("رئيس"),
                result -> result != null && result.path("total").asLong() == 3);
        assertThat(hits.path("hits").valueStream().map(hit -> hit.path("id").asString()).toList()).containsExactlyInAnyOrder("v1-a", "v1-b", "during-" + RUN);
        JsonNode during = source("during-" + RUN);
        assertThat(during.path("storyId").asString()).isEqualTo("during-" + RUN);
        // Where the stream stands in Kafka: known for what the indexer read, absent for what was copied.
        assertThat(during.path("kafkaPartition").isInt()).isTrue();
        assertThat(during.path("kafkaOffset").asLong(-1)).isGreaterThanOrEqualTo(0);
        assertThat(migrated.has("kafkaOffset")).isFalse();
    }

    private JsonNode search(String q) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static JsonNode source(String id) throws Exception {
        return JSON.readTree(es("GET", "/" + CURRENT + "/_doc/" + id, "").body()).path("_source");
    }

    private static void v1Document(String id, String title, String body, String source, String publishedAt,
            String fingerprint) throws Exception {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", id);
        document.put("title", title);
        document.put("body", body);
        document.put("titleNormalized", title);
        document.put("bodyNormalized", body);
        document.put("source", source);
        document.put("language", "ar");
        document.put("publishedAt", publishedAt);
        document.put("submittedAt", publishedAt);
        document.put("enrichedAt", publishedAt);
        document.put("indexedAt", publishedAt);
        document.put("fingerprint", fingerprint);
        document.put("entities", List.of(Map.of("id", "person:vladimir-putin", "type", "PERSON",
                "nameAr", "فلاديمير بوتين", "nameEn", "Vladimir Putin", "mentionCount", 1, "salience", 0.5)));
        HttpResponse<String> response = es("PUT", "/" + ALIAS + "-v1/_doc/" + id, JSON.writeValueAsString(document));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static HttpResponse<String> es(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(LocalStack.shared().elasticsearchUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
