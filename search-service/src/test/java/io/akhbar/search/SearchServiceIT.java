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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

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
        registry.add("akhbar.guard.api-keys", () -> LocalStack.shared().apiKey());
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
        assertThat(ids(result)).containsExactlyInAnyOrder(id, marker);
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
            // Binary, as the binder writes it for nlp-service's dead letters.
            assertThat(record.headers().lastHeader("x-original-offset").value()).hasSize(Long.BYTES);
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
    void namesAreFoundInEverySpellingAndLanguage() throws Exception {
        String source = "names-" + RUN;
        publish(article("putin-" + RUN, "لقاء في الكرملين", "التقى المبعوث الرئيس بوتين في الكرملين لبحث السلام.",
                source, "2026-01-20T08:00:00Z", null, PUTIN, MOSCOW));
        publish(article("trump-long-" + RUN, "تصريحات", "قال الرئيس ترامب إن الاتفاق قريب.", source,
                "2026-01-21T08:00:00Z", null));
        publish(article("trump-short-" + RUN, "تصريحات أخرى", "أكد ترمب أن المفاوضات مستمرة.", source,
                "2026-01-22T08:00:00Z", null));
        Map<String, Object> english = article("putin-en-" + RUN, "Envoy meets Putin",
                "The envoy met President Putin in Moscow.", source, "2026-01-19T08:00:00Z", null, PUTIN);
        english.put("language", Map.of("code", "en", "confidence", 0.99));
        publish(english);
        String scope = "&source=" + encode(source);
        awaitPath("/api/v1/search?sort=newest" + scope, 4);
        // Sorted by date, a hit has no relevance score: 0, a number (it was the string "NaN").
        assertThat(getJson("/api/v1/search?sort=newest" + scope).path("hits").valueStream()
                .map(hit -> hit.path("score")).toList())
                .hasSize(4)
                .allSatisfy(score -> assertThat(score.isNumber() && score.asDouble() == 0).as(score.toString()).isTrue());

        JsonNode putin = getJson("/api/v1/search?q=Putin" + scope);
        assertThat(ids(putin)).containsExactlyInAnyOrder("putin-" + RUN, "putin-en-" + RUN);
        JsonNode arabic = hit(putin, "putin-" + RUN);
        assertThat(arabic.path("snippets").get(0).asString()).contains("<mark>بوتين</mark>");
        assertThat(arabic.path("entities").findValuesAsString("id")).contains("person:vladimir-putin");
        for (String spelling : List.of("ترمب", "ترامب", "Trump")) {
            assertThat(ids(getJson("/api/v1/search?q=" + encode(spelling) + scope)))
                    .as(spelling).containsExactlyInAnyOrder("trump-long-" + RUN, "trump-short-" + RUN);
        }
        // Clitics: وبوتين is بوتين, للكرملين is الكرملين.
        assertThat(getJson("/api/v1/search?q=" + encode("وبوتين للكرملين") + scope).path("total").asLong()).isEqualTo(1);
        assertThat(ids(getJson("/api/v1/search?q=" + encode("ترمب OR بوتين -Moscow") + scope)))
                .containsExactlyInAnyOrder("trump-long-" + RUN, "trump-short-" + RUN);
        assertThat(ids(getJson("/api/v1/search?person=Putin&lang=ar" + scope)))
                .containsExactly("putin-" + RUN);
        assertThat(getJson("/api/v1/search?entity=person:vladimir-putin&from=2026-01-20&to=2026-01-20" + scope)
                .path("total").asLong()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void nearDuplicatesShareAStoryAndFacetsCountTheResults() throws Exception {
        String word = "storyword" + RUN.replaceAll("[^a-z]", "");
        String base = "0f0f0f0f0f0f0f0f";
        publish(article("story-a-" + RUN, "مفاوضات " + word, "جولة مفاوضات جديدة " + word + " بين الوفدين في موسكو.",
                "agency-a", "2026-01-20T08:00:00Z", base, PUTIN, MOSCOW));
        publish(article("story-b-" + RUN, "مفاوضات " + word, "جولة مفاوضات جديدة " + word + " بين الوفدين بموسكو.",
                "agency-b", "2026-01-20T09:00:00Z", "0f0f0f0f0f0f0f0e", PUTIN));
        publish(article("story-c-" + RUN, "مفاوضات " + word, "جولة مفاوضات " + word + " بين الوفدين في موسكو اليوم.",
                "agency-b", "2026-01-21T07:00:00Z", "0f0f0f0f0f0f0f0c", PUTIN, TRUMP));
        publish(article("other-" + RUN, "اقتصاد " + word, "أسعار النفط ترتفع " + word + " مع تراجع المخزونات.",
                "agency-c", "2026-01-21T10:00:00Z", "f0f0f0f0f0f0f0f0"));
        // Story counts are reused for akhbar.stories.counts-max-age: a poll that ran while only some copies were
        // searchable may have counted those alone, and a search within that second shows its count.
        JsonNode result = awaitPath("/api/v1/search?q=" + encode(word), 4,
                found -> hit(found, "story-a-" + RUN).path("storyArticles").asLong() == 3);

        // The three copies may arrive in any order (their keys go to different partitions): whichever came first
        // gave the story its id.
        JsonNode a = hit(result, "story-a-" + RUN);
        String story = a.path("storyId").asString();
        assertThat(story).isIn("story-a-" + RUN, "story-b-" + RUN, "story-c-" + RUN);
        assertThat(hit(result, "story-b-" + RUN).path("storyId").asString()).isEqualTo(story);
        assertThat(hit(result, "story-c-" + RUN).path("storyId").asString()).isEqualTo(story);
        assertThat(a.path("storyArticles").asLong()).isEqualTo(3);
        assertThat(a.path("otherSources").asInt()).isEqualTo(1);
        assertThat(hit(result, "story-c-" + RUN).path("otherSources").asInt()).isEqualTo(1);
        assertThat(hit(result, "other-" + RUN).path("storyArticles").asLong()).isEqualTo(1);
        assertThat(hit(result, "other-" + RUN).path("otherSources").asInt()).isZero();

        JsonNode facets = result.path("facets");
        assertThat(facets.path("persons").get(0).path("id").asString()).isEqualTo("person:vladimir-putin");
        assertThat(facets.path("persons").get(0).path("articles").asLong()).isEqualTo(3);
        assertThat(facets.path("persons").get(0).path("nameEn").asString()).isEqualTo("Vladimir Putin");
        assertThat(facets.path("places").findValuesAsString("id")).containsExactly("location:moscow");
        assertThat(facets.path("sources").findValuesAsString("value")).containsExactly("agency-b", "agency-a", "agency-c");
        assertThat(facets.path("days").findValuesAsString("value")).containsExactly("2026-01-20", "2026-01-21");
        assertThat(facets.path("languages").get(0).path("articles").asLong()).isEqualTo(4);

        JsonNode related = getJson("/api/v1/articles/story-a-" + RUN + "/related");
        assertThat(related.path("storyId").asString()).isEqualTo(story);
        List<String> relations = related.path("related").findValuesAsString("relation");
        assertThat(related.path("related").findValuesAsString("id").subList(0, 2))
                .containsExactly("story-c-" + RUN, "story-b-" + RUN);
        assertThat(relations.subList(0, 2)).containsOnly("SAME_STORY");
        assertThat(relations.subList(2, relations.size())).containsOnly("SIMILAR");
    }

    @Test
    @Order(7)
    void aCursorWalksEveryHitOnceInBothSortOrders() throws Exception {
        String word = "pageword" + RUN.replaceAll("[^a-z]", "");
        for (int i = 0; i < 25; i++) {
            publish(article("page-" + i + "-" + RUN, "خبر " + i, "نص الخبر " + word + " " + "مكرر ".repeat(i % 5),
                    "pages", "2026-01-%02dT08:00:00Z".formatted(1 + i % 28), null));
        }
        awaitSearch(word, 25);
        for (String sort : List.of("relevance", "newest")) {
            Set<String> seen = new LinkedHashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = getJson("/api/v1/search?q=" + word + "&size=10&sort=" + sort
                        + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.path("total").asLong()).isEqualTo(25);
                assertThat(page.has("facets")).isEqualTo(pages == 0);
                page.path("hits").forEach(hit -> assertThat(seen.add(hit.path("id").asString())).isTrue());
                cursor = page.path("cursor").isMissingNode() ? null : page.path("cursor").asString();
                pages++;
            } while (cursor != null);
            assertThat(seen).as(sort).hasSize(25);
            assertThat(pages).isEqualTo(3);
        }
        String first = getJson("/api/v1/search?q=" + word + "&size=10").path("cursor").asString();
        HttpResponse<String> otherQuery = get("/api/v1/search?q=other&cursor=" + first);
        assertThat(otherQuery.statusCode()).isEqualTo(400);
        assertThat(json.readTree(otherQuery.body()).path("parameter").asString()).isEqualTo("cursor");
    }

    @Test
    @Order(8)
    void entitiesAutocompleteInBothLanguagesAndHaveATimeline() throws Exception {
        for (String prefix : List.of("Pu", "بوت", "putin")) {
            JsonNode suggestions = getJson("/api/v1/entities?prefix=" + encode(prefix));
            JsonNode putin = suggestions.path("entities").get(0);
            assertThat(putin.path("id").asString()).as(prefix).isEqualTo("person:vladimir-putin");
            assertThat(putin.path("articles").asLong()).as(prefix).isGreaterThanOrEqualTo(5);
        }
        JsonNode timeline = getJson("/api/v1/entities/person:vladimir-putin/timeline?from=2026-01-19&to=2026-01-21");
        assertThat(timeline.path("entity").path("nameEn").asString()).isEqualTo("Vladimir Putin");
        assertThat(timeline.path("days").findValuesAsString("date"))
                .containsExactly("2026-01-19", "2026-01-20", "2026-01-21");
        JsonNode twentieth = timeline.path("days").get(1);
        assertThat(twentieth.path("articles").asLong()).isEqualTo(3);
        assertThat(twentieth.path("mentions").asLong()).isEqualTo(9);
        assertThat(get("/api/v1/entities/person:nobody-" + RUN.replaceAll("[^a-z]", "") + "/timeline").statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(9)
    void explainShowsTheParsedQuery() throws Exception {
        JsonNode explain = getJson("/api/v1/search/explain?q=" + encode("Putin الأمريكي “خطة السلام” -غزة في"));

        JsonNode required = explain.path("required");
        assertThat(required.get(0).path("kind").asString()).isEqualTo("entity");
        assertThat(required.get(0).path("entity").path("id").asString()).isEqualTo("person:vladimir-putin");
        assertThat(required.get(0).path("spellings").toString()).contains("بوتين");
        assertThat(required.get(1).path("kind").asString()).isEqualTo("word");
        assertThat(required.get(1).path("variants").toString()).contains("أميركي");
        assertThat(required.get(2).path("kind").asString()).isEqualTo("phrase");
        assertThat(required.get(2).path("normalized").asString()).isEqualTo("خطه السلام");
        assertThat(required.get(3).path("stopWord").asBoolean()).isTrue();
        assertThat(explain.path("excluded").get(0).path("entity").path("id").asString()).isEqualTo("location:gaza");
        assertThat(explain.path("elasticsearch").path("bool").has("must")).isTrue();
        assertThat(explain.path("elasticsearch").toString()).doesNotContain("query_string");
    }

    @Test
    @Order(10)
    void theOpenApiDocumentListsTheEndpointsAndSwaggerUiIsServed() throws Exception {
        JsonNode paths = getJson("/v3/api-docs").path("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/search", "/api/v1/search/explain", "/api/v1/articles/{id}",
                "/api/v1/articles/{id}/related", "/api/v1/entities", "/api/v1/entities/{id}/timeline");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(11)
    void badParametersGetProblemDetails() throws Exception {
        for (String path : List.of("/api/v1/search", "/api/v1/search?q=", "/api/v1/search?q=x&size=0",
                "/api/v1/search?q=x&size=abc", "/api/v1/search?q=x&size=1000", "/api/v1/articles/bad%20id",
                "/api/v1/search?q=x&from=yesterday", "/api/v1/search?q=x&to=2026-02-30", "/api/v1/search?q=x&sort=best",
                "/api/v1/search?q=x&cursor=garbage", "/api/v1/search?q=x&cursor=eyJ4IjoxfQ",
                "/api/v1/search?q=x&entity=Putin", "/api/v1/search?q=x&lang=arabic",
                "/api/v1/search?q=x&from=2026-02-01&to=2026-01-01", "/api/v1/search/explain?q=%22%22",
                "/api/v1/entities", "/api/v1/entities?prefix=%D9%80&limit=5", "/api/v1/entities?prefix=pu&limit=0",
                "/api/v1/entities/Putin/timeline", "/api/v1/entities/person:x/timeline?from=bad",
                "/api/v1/articles/x/related?size=0")) {
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
        publish(article(id, title, body));
    }

    private void publish(Map<String, Object> article) {
        kafka.send(ENRICHED, (String) article.get("id"), json.writeValueAsBytes(article),
                Map.of(ArticleHeaders.INGESTED_AT, String.valueOf(System.currentTimeMillis())));
    }

    private static Map<String, Object> article(String id, String title, String body) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("schemaVersion", 1);
        article.put("id", id);
        article.put("title", title);
        article.put("body", body);
        article.put("submittedAt", "2026-01-22T10:16:00Z");
        article.put("enrichedAt", "2026-01-22T10:16:01Z");
        article.put("language", Map.of("code", "ar", "confidence", 0.99));
        return article;
    }

    private static Map<String, Object> article(String id, String title, String body, String source, String publishedAt,
            String fingerprint, Map<?, ?>... entities) {
        Map<String, Object> article = article(id, title, body);
        article.put("source", source);
        article.put("publishedAt", publishedAt);
        if (fingerprint != null) {
            article.put("fingerprint", fingerprint);
        }
        article.put("entities", List.of(entities));
        return article;
    }

    private static Map<String, Object> entity(String id, String type, String nameAr, String nameEn, int mentions,
            double salience) {
        return Map.of("id", id, "type", type, "nameAr", nameAr, "nameEn", nameEn, "mentions", List.of(),
                "mentionCount", mentions, "salience", salience);
    }

    private static final Map<String, Object> PUTIN = entity("person:vladimir-putin", "PERSON", "فلاديمير بوتين",
            "Vladimir Putin", 3, 0.9);
    private static final Map<String, Object> TRUMP = entity("person:donald-trump", "PERSON", "دونالد ترامب",
            "Donald Trump", 2, 0.6);
    private static final Map<String, Object> MOSCOW = entity("location:moscow", "LOCATION", "موسكو", "Moscow", 1, 0.4);

    /** Waits through 503s too: a fresh index answers them until its shard is allocated. */
    private JsonNode awaitSearch(String query, int expectedTotal) {
        return awaitPath("/api/v1/search?q=" + encode(query), expectedTotal);
    }

    private JsonNode awaitPath(String path, int expectedTotal) {
        return awaitPath(path, expectedTotal, result -> true);
    }

    private JsonNode awaitPath(String path, int expectedTotal, Predicate<JsonNode> andThen) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> {
                    HttpResponse<String> response = get(path);
                    return response.statusCode() == 503 ? null : json.readTree(response.body());
                }, result -> result != null && result.path("total").asLong() == expectedTotal && andThen.test(result));
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new java.util.ArrayList<>();
        result.path("hits").forEach(hit -> ids.add(hit.path("id").asString()));
        return ids;
    }

    private static JsonNode hit(JsonNode result, String id) {
        for (JsonNode hit : result.path("hits")) {
            if (hit.path("id").asString().equals(id)) {
                return hit;
            }
        }
        throw new AssertionError("no hit " + id + " in " + result);
    }

    @Test
    void searchIsOpenWhileAdminAndActuatorNeedTheKeyAndHealthDoesNot() throws Exception {
        String key = LocalStack.shared().apiKey();
        assertThat(get("/api/v1/search?q=" + encode("موسكو")).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isIn(200, 503);

        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/api/v1/admin/anything")) {
            HttpResponse<String> missing = get(path);
            assertThat(missing.statusCode()).as(path).isEqualTo(401);
            assertThat(missing.headers().firstValue("WWW-Authenticate")).as(path).isPresent();
            assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(get(path, LocalStack.API_KEY_HEADER, "not-the-key").statusCode()).as(path).isEqualTo(403);
        }
        HttpResponse<String> metrics = get("/actuator/prometheus", LocalStack.API_KEY_HEADER, key);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE");
        assertThat(get("/actuator/metrics", "Authorization", "Bearer " + key).statusCode()).isEqualTo(200);
        // Past the guard with the key: what answers is the handler mapping, whatever admin endpoints exist.
        assertThat(get("/api/v1/admin/anything", LocalStack.API_KEY_HEADER, key).statusCode()).isNotIn(401, 403);
    }

    private JsonNode search(String query) throws Exception {
        HttpResponse<String> response = get("/api/v1/search?q=" + encode(query));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
