package io.akhbar.search.stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.localstack.KafkaProbe;
import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.LocalStackExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.catalina.connector.Connector;
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
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live stream against a real Kafka broker and a real Elasticsearch node: articles are produced to the enriched
 * topic, indexed by this service, and must reach the streams whose query they match.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "akhbar.stream.max-subscribers=4", "akhbar.stream.heartbeat=2s", "akhbar.stream.sender-threads=1"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String LETTERS = RUN.replaceAll("[^a-z]", "") + "x";
    private static final String ENRICHED = "articles.enriched.stream." + RUN;
    private static final String ALIAS = "stream-" + RUN;
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(2);

    private static KafkaProbe kafka;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    JsonMapper json;

    @Autowired
    ArticleStream liveStream;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ElasticsearchClient elastic;

    @Autowired
    ServletWebServerApplicationContext server;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> LocalStack.shared().kafkaBootstrapServers());
        registry.add("spring.cloud.stream.bindings.index-in-0.destination", () -> ENRICHED);
        registry.add("spring.cloud.stream.bindings.index-in-0.group", () -> "search-service-stream-" + RUN);
        registry.add("spring.cloud.stream.bindings.dead-letters-out-0.destination", () -> ENRICHED + ".dlq");
        registry.add("akhbar.index.alias", () -> ALIAS);
        registry.add("akhbar.elasticsearch.url", () -> LocalStack.shared().elasticsearchUrl());
    }

    @BeforeAll
    static void connect() {
        kafka = new KafkaProbe(LocalStack.shared().kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    @Order(1)
    void matchingArticlesArriveWithinTwoSecondsOfBecomingSearchableAndNothingElse() throws Exception {
        String word = "liveword" + LETTERS;
        String source = "live-" + RUN;
        String filters = "q=" + word + "&source=" + source;
        try (SseClient stream = awaitReady("/api/v1/stream?" + filters)) {
            // The first event of a fresh service pays for class loading and the JIT: not what is measured.
            publish("warm-up-" + RUN, "خبر " + word, "تمهيد عن " + word, source);
            await().atMost(Duration.ofSeconds(60)).until(() -> articleIds(stream).size() == 1);
            publish("m1-" + RUN, "خبر " + word, "نص عاجل عن " + word + " في موسكو.", source);
            publish("other-source-" + RUN, "خبر " + word, "نص عن " + word + " من مصدر آخر.", "elsewhere-" + RUN);
            publish("other-word-" + RUN, "خبر آخر", "نص لا يذكر الكلمة.", source);
            publish("m2-" + RUN, "خبر ثان", "تحديث عن " + word + " اليوم.", source);

            Map<String, Long> searchableAt = new ConcurrentHashMap<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                long now = System.nanoTime();
                searchIds("/api/v1/search?" + filters).forEach(id -> searchableAt.putIfAbsent(id, now));
                return searchableAt.size() == 3 && articleIds(stream).size() == 3;
            });
            assertThat(searchableAt.keySet()).containsExactlyInAnyOrder("warm-up-" + RUN, "m1-" + RUN, "m2-" + RUN);
            assertThat(articleIds(stream)).containsExactlyInAnyOrder("warm-up-" + RUN, "m1-" + RUN, "m2-" + RUN);
            for (SseClient.Event event : stream.events("article").subList(1, 3)) {
                String id = json.readTree(event.data()).path("id").asString();
                assertThat(Duration.ofNanos(event.receivedNanos() - searchableAt.get(id))).as(id)
                        .isLessThanOrEqualTo(LIVE_WITHIN);
            }

            JsonNode hit = json.readTree(stream.events("article").get(0).data());
            assertThat(hit.path("source").asString()).isEqualTo(source);
            assertThat(hit.path("title").asString()).isNotEmpty();
            // Live events carry no query highlights: the snippet is the article's summary.
            assertThat(hit.path("snippets").get(0).asString()).isEqualTo("ملخص: تمهيد عن " + word);
            assertThat(hit.has("storyId")).isTrue();
            assertThat(EventId.decode("id", stream.events("article").get(0).id()).after().id())
                    .isEqualTo(hit.path("id").asString());

            // Once the others are searchable too, nothing more arrives.
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    searchIds("/api/v1/search?q=" + word + "&source=elsewhere-" + RUN).size() == 1
                            && searchIds("/api/v1/search?source=" + source).size() == 4);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> articleIds(stream).size() == 3);
            assertThat(stream.events().get(0).name()).isEqualTo("ready");
            assertThat(stream.events().get(0).data()).isEqualTo("{}");
        }
    }

    @Test
    @Order(2)
    void streamsWithDifferentQueriesEachGetOnlyTheArticlesTheirQueryMatches() throws Exception {
        String alpha = "alphaword" + LETTERS;
        String beta = "betaword" + LETTERS;
        String source = "pair-" + RUN;
        try (SseClient alphaStream = awaitReady("/api/v1/stream?q=" + alpha + "&source=" + source);
             SseClient betaStream = awaitReady("/api/v1/stream?q=" + beta + "&source=" + source);
             SseClient eitherStream = awaitReady("/api/v1/stream?q=" + alpha + "+OR+" + beta + "&source=" + source)) {
            publish("a-" + RUN, "خبر " + alpha, "نص عن " + alpha + " وحده.", source);
            publish("b-" + RUN, "خبر " + beta, "نص عن " + beta + " وحده.", source);
            publish("ab-" + RUN, "خبر مشترك", "نص عن " + alpha + " و" + beta + " معا.", source);
            publish("none-" + RUN, "خبر آخر", "نص لا يذكر أيا منهما.", source);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(articleIds(alphaStream)).containsExactlyInAnyOrder("a-" + RUN, "ab-" + RUN);
                assertThat(articleIds(betaStream)).containsExactlyInAnyOrder("b-" + RUN, "ab-" + RUN);
                assertThat(articleIds(eitherStream))
                        .containsExactlyInAnyOrder("a-" + RUN, "b-" + RUN, "ab-" + RUN);
            });
            assertInStreamOrder(eitherStream.events("article"));
            // And nothing else arrives once the unmatched article is searchable too.
            await().atMost(Duration.ofSeconds(30)).until(() -> searchIds("/api/v1/search?source=" + source).size() == 4);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() ->
                    articleIds(alphaStream).size() == 2 && articleIds(betaStream).size() == 2
                            && articleIds(eitherStream).size() == 3);
        }
        // The next scenarios count on free places: the server notices a closed stream at its next heartbeat.
        await().atMost(Duration.ofSeconds(15)).until(() -> liveStream.subscriberCount() == 0);
    }

    @Test
    @Order(3)
    void aReconnectionWithTheLastEventIdGetsEveryMissedArticleOnceInOrderThenCarriesOn() throws Exception {
        String word = "resumeword" + LETTERS;
        String source = "resume-" + RUN;
        String path = "/api/v1/stream?q=" + word + "&source=" + source;
        String lastId;
        try (SseClient first = awaitReady(path)) {
            publish("before-" + RUN, "خبر", "أول خبر عن " + word, source);
            await().atMost(Duration.ofSeconds(30)).until(() -> articleIds(first).size() == 1);
            lastId = first.events("article").get(0).id();
        }
        List<String> missed = List.of("missed-a-" + RUN, "missed-b-" + RUN, "missed-c-" + RUN);
        for (String id : missed) {
            publish(id, "خبر فائت", "خبر فائت عن " + word, source);
        }
        publish("missed-other-" + RUN, "خبر فائت", "خبر لا يطابق", source);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> searchIds("/api/v1/search?source=" + source).size() == 5);

        List<String> resumedIds;
        String liveAfter;
        try (SseClient resumed = SseClient.open(http, url(path), Map.of(StreamController.LAST_EVENT_ID, lastId))) {
            assertThat(resumed.status()).isEqualTo(200);
            // untilAsserted: a timeout shows every event the stream got (a duplicate once hid here as a timeout).
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(articleIds(resumed)).hasSize(3));
            assertThat(articleIds(resumed)).containsExactlyInAnyOrderElementsOf(missed);
            assertInStreamOrder(resumed.events("article"));
            assertThat(resumed.events().get(0).name()).isEqualTo("ready");

            double readBack = meters.counter("akhbar.stream.read.back").count();
            publish("after-" + RUN, "خبر لاحق", "خبر لاحق عن " + word, source);
            await().atMost(Duration.ofSeconds(30)).until(() -> articleIds(resumed).size() == 4);
            assertThat(articleIds(resumed).get(3)).isEqualTo("after-" + RUN);
            // This instance wrote it while a stream was open: the live event was built from what it wrote.
            assertThat(meters.counter("akhbar.stream.read.back").count()).isEqualTo(readBack);
            liveAfter = resumed.events("article").get(3).data();
            resumedIds = articleIds(resumed);
            // The id of the first replayed event, as a query parameter: the rest comes again, once each.
            lastId = resumed.events("article").get(0).id();
        }
        try (SseClient again = SseClient.open(http, url(path + "&lastEventId=" + lastId), Map.of())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> articleIds(again).size() == 3);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> articleIds(again).size() == 3);
            assertThat(articleIds(again)).containsExactlyElementsOf(resumedIds.subList(1, 4));
            // Replayed, it was read back from Elasticsearch: the same event either way.
            assertThat(again.events("article").get(2).data()).isEqualTo(liveAfter);
        }
    }

    @Test
    @Order(4)
    void anArticleOfTheSameBulkThatBecomesSearchableAfterTheLastEventIsNotSkippedOnResume() throws Exception {
        String word = "bulkword" + LETTERS;
        String source = "bulk-" + RUN;
        String path = "/api/v1/stream?q=" + word + "&source=" + source;
        // Stays connected throughout: once it has an article, the watcher has dispatched it, and a stream that
        // connects later can only get it from the replay.
        try (SseClient witness = awaitReady(path)) {
            Map<String, Object> template;
            long indexedAt;
            String lastId;
            try (SseClient first = awaitReady(path)) {
                publish("bulk-template-" + RUN, "خبر", "خبر عن " + word, source);
                await().atMost(Duration.ofSeconds(30)).until(() -> articleIds(first).size() == 1);
                template = templateOf("bulk-template-" + RUN);
                // What a refresh in the middle of a bulk shows: the first of its articles, which share an indexedAt ...
                indexedAt = System.currentTimeMillis();
                indexAndRefresh(template, "bulk-z-" + RUN, indexedAt, partition(template), offset(template) + 1);
                await().atMost(Duration.ofSeconds(30)).until(() -> articleIds(first).size() == 2);
                assertThat(articleIds(first)).containsExactly("bulk-template-" + RUN, "bulk-z-" + RUN);
                lastId = first.events("article").get(1).id();
            }
            // ... and at the next refresh the rest, here one whose id sorts before the first's.
            double readBack = meters.counter("akhbar.stream.read.back").count();
            indexAndRefresh(template, "bulk-a-" + RUN, indexedAt, partition(template), offset(template) + 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> articleIds(witness).contains("bulk-a-" + RUN));
            // Another writer's article: this instance has not got it, so it read it back from Elasticsearch.
            assertThat(meters.counter("akhbar.stream.read.back").count()).isGreaterThan(readBack);

            try (SseClient resumed = SseClient.open(http, url(path), Map.of(StreamController.LAST_EVENT_ID, lastId))) {
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(articleIds(resumed)).containsExactly("bulk-a-" + RUN));
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                        .until(() -> articleIds(resumed).size() == 1);
            }
        }
    }

    @Test
    @Order(5)
    void anOlderBulkOfAnotherWriterThatBecomesSearchableAfterTheLastEventIsNotSkippedOnResume() throws Exception {
        String word = "writerword" + LETTERS;
        String source = "writers-" + RUN;
        String path = "/api/v1/stream?q=" + word + "&source=" + source;
        // Three streams at once, and the limit is four: the previous scenario's must be gone.
        await().atMost(Duration.ofSeconds(15)).until(() -> liveStream.subscriberCount() == 0);
        try (SseClient witness = awaitReady(path)) {
            Map<String, Object> template;
            long olderBulkAt;
            String lastId;
            try (SseClient first = awaitReady(path)) {
                publish("writers-template-" + RUN, "خبر", "خبر عن " + word, source);
                await().atMost(Duration.ofSeconds(30)).until(() -> articleIds(first).size() == 1);
                template = templateOf("writers-template-" + RUN);
                // Writer A stamps its bulk, of the template's partition, and is slow to finish it. Writer B, which
                // reads another partition, stamps its bulk later, and that one becomes searchable first.
                olderBulkAt = System.currentTimeMillis();
                indexAndRefresh(template, "writer-b-" + RUN, olderBulkAt + 1_000, partition(template) + 1, 0);
                await().atMost(Duration.ofSeconds(30)).until(() -> articleIds(first).size() == 2);
                lastId = first.events("article").get(1).id();
            }
            // Writer A's bulk becomes searchable only now, before the last event in stream order. (Far above the
            // template's offset, so that no earlier scenario's made-up offsets in the look-back reach it.)
            indexAndRefresh(template, "writer-a-" + RUN, olderBulkAt, partition(template), offset(template) + 1_000);
            await().atMost(Duration.ofSeconds(30)).until(() -> articleIds(witness).contains("writer-a-" + RUN));

            String lateId;
            try (SseClient resumed = SseClient.open(http, url(path), Map.of(StreamController.LAST_EVENT_ID, lastId))) {
                assertThat(resumed.status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(articleIds(resumed)).containsExactly("writer-a-" + RUN));
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                        .until(() -> articleIds(resumed).size() == 1);
                lateId = resumed.events("article").get(0).id();
            }
            // Its event moved the client's frontier past it: resuming from there sends it no second time.
            try (SseClient again = SseClient.open(http, url(path), Map.of(StreamController.LAST_EVENT_ID, lateId))) {
                assertThat(again.status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(30)).until(() -> !again.events("ready").isEmpty());
                publish("writers-after-" + RUN, "خبر لاحق", "خبر لاحق عن " + word, source);
                await().atMost(Duration.ofSeconds(30)).until(() -> !articleIds(again).isEmpty());
                assertThat(articleIds(again)).containsExactly("writers-after-" + RUN);
            }
        }
    }

    @Test
    @Order(6)
    void aClientThatStopsReadingHoldsUpNoOtherStream() throws Exception {
        String word = "stallword" + LETTERS;
        String source = "stall-" + RUN;
        String path = "/api/v1/stream?q=" + word + "&source=" + source;
        await().atMost(Duration.ofSeconds(15)).until(() -> liveStream.subscriberCount() == 0);
        try (SseClient reading = awaitReady(path); StalledClient stalled = StalledClient.open(port, path)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> liveStream.subscriberCount() == 2);
            // About 10 MB of events (each carries its 240 KB summary), more than the socket buffers of the stalled
            // connection hold: a write to it blocks for as long as the client does not read.
            String longText = "خبر طويل عن " + word + " في موسكو.".repeat(12_000);
            List<String> large = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                large.add("large-" + i + "-" + RUN);
                publish(large.get(i), "خبر طويل " + i, longText, source);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> articleIds(reading).size() == large.size());
            assertThat(articleIds(reading)).containsExactlyInAnyOrderElementsOf(large);

            // Now a write to the stalled client is surely blocked; the next article still arrives as usual.
            long published = System.nanoTime();
            publish("small-" + RUN, "خبر قصير", "خبر قصير عن " + word, source);
            await().atMost(Duration.ofSeconds(30)).until(() -> articleIds(reading).contains("small-" + RUN));
            SseClient.Event small = reading.events("article").get(large.size());
            assertThat(Duration.ofNanos(small.receivedNanos() - published)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    @Order(7)
    void badParametersAre400ProblemsBeforeAnyStream() throws Exception {
        Map<String, Map<String, String>> requests = new LinkedHashMap<>();
        requests.put("/api/v1/stream", Map.of());
        requests.put("/api/v1/stream?q=", Map.of());
        requests.put("/api/v1/stream?q=x&from=yesterday", Map.of());
        requests.put("/api/v1/stream?q=x&lang=arabic", Map.of());
        requests.put("/api/v1/stream?q=x&entity=Putin", Map.of());
        requests.put("/api/v1/stream?q=x&lastEventId=garbage", Map.of());
        requests.put("/api/v1/stream?q=x", Map.of(StreamController.LAST_EVENT_ID, "bm9jb2xvbg"));
        for (var request : requests.entrySet()) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(request.getKey())))
                    .header("Accept", "text/event-stream");
            request.getValue().forEach(builder::header);
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(request.getKey())
                    .hasValue("application/problem+json");
            assertThat(json.readTree(response.body()).path("parameter").asString()).as(request.getKey()).isNotEmpty();
        }
    }

    @Test
    @Order(8)
    void beyondTheSubscriberLimitA503SaysWhenToRetryAndClosedStreamsFreeTheirPlaces() throws Exception {
        // Streams of the earlier tests end when the server next writes to them (a heartbeat at the latest).
        await().atMost(Duration.ofSeconds(15)).until(() -> liveStream.subscriberCount() == 0);
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                open.add(awaitReady("/api/v1/stream?q=limit" + i + LETTERS));
            }
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/stream?q=more")))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            await().atMost(Duration.ofSeconds(10)).until(() -> open.get(0).comments().contains("keep-alive"));
        } finally {
            open.forEach(SseClient::close);
        }
        // The server notices a closed connection when it next writes to it: the heartbeat.
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            try (SseClient next = SseClient.open(http, url("/api/v1/stream?q=more"), Map.of())) {
                return next.status() == 200;
            }
        });
    }

    @Test
    @Order(9)
    void theServerWritesToSocketsFromDirectBuffersOfTheConfiguredSizeForAsManyConnectionsAsFit() {
        Connector connector = ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector();

        assertThat(connector.getProperty("socket.appWriteBufSize")).isEqualTo("65536");
        assertThat(connector.getProperty("socket.directBuffer")).isEqualTo("true");
        // Every connection's buffers at once must fit in the direct memory of a JVM run with the services' -Xmx256m,
        // with a quarter of it left for the Kafka and Elasticsearch clients' own.
        long perConnection = Long.parseLong((String) connector.getProperty("socket.appReadBufSize"))
                + Long.parseLong((String) connector.getProperty("socket.appWriteBufSize"));
        long maxConnections = ((Number) connector.getProperty("maxConnections")).longValue();
        assertThat(maxConnections * perConnection).isLessThan(256L * 1024 * 1024 * 3 / 4);
    }

    private SseClient awaitReady(String path) throws Exception {
        SseClient stream = SseClient.open(http, url(path), Map.of());
        assertThat(stream.status()).as(path).isEqualTo(200);
        // The first look of the watcher may wait for the index to be created.
        await().atMost(Duration.ofSeconds(60)).until(() -> !stream.events("ready").isEmpty());
        return stream;
    }

    private void assertInStreamOrder(List<SseClient.Event> events) {
        List<StreamCursor> cursors = events.stream().map(event -> EventId.decode("id", event.id()).after()).toList();
        assertThat(cursors).isSorted().doesNotHaveDuplicates();
    }

    private List<String> articleIds(SseClient stream) {
        return stream.events("article").stream().map(event -> json.readTree(event.data()).path("id").asString())
                .toList();
    }

    private Set<String> searchIds(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        json.readTree(response.body()).path("hits").forEach(hit -> ids.add(hit.path("id").asString()));
        return ids;
    }

    private void publish(String id, String title, String body, String source) {
        Map<String, Object> article = new HashMap<>();
        article.put("schemaVersion", 1);
        article.put("id", id);
        article.put("title", title);
        article.put("body", body);
        article.put("summary", "ملخص: " + body);
        article.put("source", source);
        article.put("submittedAt", "2026-01-22T10:16:00Z");
        article.put("enrichedAt", "2026-01-22T10:16:01Z");
        article.put("language", Map.of("code", "ar", "confidence", 0.99));
        kafka.send(ENRICHED, id, json.writeValueAsBytes(article),
                Map.of(ArticleHeaders.INGESTED_AT, String.valueOf(System.currentTimeMillis())));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> templateOf(String id) throws Exception {
        return elastic.get(g -> g.index(ALIAS).id(id), Map.class).source();
    }

    /**
     * Straight into the index, as a writer would that stamped its bulk {@code indexedAt} and read the article at this
     * place in the enriched topic, and searchable at once.
     */
    private void indexAndRefresh(Map<String, Object> template, String id, long indexedAt, int partition,
            long offset) throws Exception {
        Map<String, Object> document = new HashMap<>(template);
        document.put("id", id);
        document.put("indexedAt", Instant.ofEpochMilli(indexedAt).toString());
        document.put("kafkaPartition", partition);
        document.put("kafkaOffset", offset);
        elastic.index(i -> i.index(ALIAS).id(id).document(document).refresh(Refresh.True));
    }

    /** Where the indexer read the article; the test fails here if it recorded nothing. */
    private static int partition(Map<String, Object> document) {
        return ((Number) document.get("kafkaPartition")).intValue();
    }

    private static long offset(Map<String, Object> document) {
        return ((Number) document.get("kafkaOffset")).longValue();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
