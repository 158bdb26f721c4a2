package io.akhbar.ingest.feed;

import io.akhbar.contracts.ArticleIds;
import io.akhbar.ingest.IngestApplication;
import io.akhbar.ingest.KafkaOnly;
import io.akhbar.localstack.KafkaProbe;
import io.akhbar.localstack.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Feed subscriptions end to end on a real broker and a local news site: articles in Kafka, health per feed,
 * conditional re-polls, backoff, unsubscribing, and subscriptions surviving a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Its pollers would go on hitting the closed news site for the rest of the IT run.
@DirtiesContext
class FeedIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String RAW = "articles.raw.feeds." + RUN;
    private static final String SUBSCRIPTIONS = "feeds.subscriptions." + RUN;
    private static final Map<String, String> FEED_IDS = new HashMap<>();

    private static FeedServer site;
    private static KafkaProbe kafka;
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        settings().forEach((name, value) -> registry.add(name, () -> value));
    }

    private static Map<String, String> settings() {
        return Map.of(
                "spring.cloud.stream.kafka.binder.brokers", KafkaOnly.bootstrapServers(),
                "spring.cloud.stream.bindings.articles-out-0.destination", RAW,
                "akhbar.feeds.subscriptions-topic", SUBSCRIPTIONS,
                // Its own health topic too, so that a run's feeds never show in another test's ops summary.
                "akhbar.feeds.health-topic", "feeds.health." + RUN,
                "akhbar.feeds.allow-private-hosts", "true",
                "akhbar.feeds.min-poll-interval", "1s",
                "akhbar.feeds.per-host-interval", "20ms",
                "akhbar.guard.api-keys", KafkaOnly.apiKey());
    }

    @BeforeAll
    static void start() throws Exception {
        site = new FeedServer();
        kafka = new KafkaProbe(KafkaOnly.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        site.close();
        kafka.close();
    }

    @Test
    @Order(1)
    void badSubscriptionsAreRefusedWithTheFieldNamed() throws Exception {
        awaitRegistry(port);
        HttpResponse<String> badUrl = request("POST", "/api/v1/feeds", "{\"url\":\"ftp://example.com/rss\"}");
        HttpResponse<String> badInterval = request("POST", "/api/v1/feeds",
                "{\"url\":\"https://example.com/rss\",\"pollInterval\":\"every hour\"}");
        HttpResponse<String> unknown = request("GET", "/api/v1/feeds/0123456789abcdef", null);

        assertThat(List.of(badUrl, badInterval, unknown)).extracting(HttpResponse::statusCode).containsExactly(400, 400, 404);
        assertThat(List.of(badUrl, badInterval, unknown)).allSatisfy(response ->
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json"));
        assertThat(json.readTree(badUrl.body()).path("errors").get(0).path("field").asString()).isEqualTo("url");
        assertThat(json.readTree(badInterval.body()).path("errors").get(0).path("field").asString()).isEqualTo("pollInterval");
    }

    @Test
    @Order(2)
    void subscribedFeedsArePolledIntoKafkaWithHealthBackoffAndConditionalRepolls() throws Exception {
        awaitRegistry(port);
        for (String path : List.of(FeedServer.RSS, FeedServer.ATOM, FeedServer.BROKEN, FeedServer.THROTTLED)) {
            HttpResponse<String> created = request("POST", "/api/v1/feeds", json.writeValueAsString(Map.of(
                    "url", site.url(path), "pollInterval", "1s", "source", "أخبار المثال")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = json.readTree(created.body()).path("id").asString();
            assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/feeds/" + id);
            FEED_IDS.put(path, id);
        }
        HttpResponse<String> again = request("POST", "/api/v1/feeds", json.writeValueAsString(Map.of(
                "url", site.url(FeedServer.RSS), "pollInterval", "PT1S", "source", "أخبار المثال")));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("id").asString()).isEqualTo(FEED_IDS.get(FeedServer.RSS));

        // Three RSS entries and two Atom entries, keyed by the id of their canonical link.
        List<String> expected = List.of("/articles/witkoff-putin.html", "/articles/oil-prices.html",
                "/articles/book-fair.html", "/articles/davos-ai.html", "/articles/kushner-cairo.html").stream()
                .map(path -> ArticleIds.forArticle(site.url(path), "unused")).toList();
        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(60))
                .until(() -> kafka.read(RAW), all -> all.stream().map(ConsumerRecord::key).toList().containsAll(expected));
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(expected);
        JsonNode bookFair = json.readTree(record(records, expected.get(2)).value());
        assertThat(bookFair.path("body").asString()).as("from the windows-1256 page")
                .contains("بمشاركة أكثر من ألفي دار نشر من ثلاثين دولة");
        assertThat(bookFair.path("source").asString()).isEqualTo("أخبار المثال");
        assertThat(bookFair.path("language").asString()).isEqualTo("ar");
        assertThat(bookFair.path("publishedAt").asString()).isEqualTo("2026-01-20T09:00:00Z");

        // Re-polls are conditional: 304s, and nothing new in the topic.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                site.notModified(FeedServer.RSS) >= 2 && site.notModified(FeedServer.ATOM) >= 2);
        assertThat(kafka.read(RAW)).hasSize(expected.size());
        JsonNode rss = feed(FeedServer.RSS);
        assertThat(rss.path("health").path("articlesPublished").asInt()).isEqualTo(3);
        assertThat(rss.path("health").path("lastSuccessAt").isNull()).isFalse();
        assertThat(rss.path("health").path("status").asString()).as("its entries are from January").isEqualTo("silent");
        assertThat(rss.path("health").path("silentSince").asString()).isEqualTo("2026-01-22T07:15:30Z");

        // The broken feed shows its error and backs off; the throttled one honours Retry-After: 3600.
        JsonNode broken = await().atMost(Duration.ofSeconds(20)).until(() -> feed(FeedServer.BROKEN),
                feed -> feed.path("health").path("status").asString().equals("failing"));
        assertThat(broken.path("health").path("lastError").path("message").asString()).startsWith("not a readable RSS or Atom feed");
        assertThat(broken.path("health").path("lastSuccessAt").isNull()).isTrue();
        JsonNode throttled = feed(FeedServer.THROTTLED);
        assertThat(throttled.path("health").path("lastError").path("httpStatus").asInt()).isEqualTo(429);
        assertThat(Instant.parse(throttled.path("health").path("nextPollAt").asString()))
                .isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(site.requests(FeedServer.THROTTLED)).isEqualTo(1);

        HttpResponse<String> list = request("GET", "/api/v1/feeds", null);
        assertThat(json.readTree(list.body()).path("feeds")).hasSize(4);
    }

    @Test
    @Order(3)
    void anUnsubscribedFeedIsNoLongerPolled() throws Exception {
        String id = FEED_IDS.get(FeedServer.RSS);

        assertThat(request("DELETE", "/api/v1/feeds/" + id, null).statusCode()).isEqualTo(204);

        assertThat(request("GET", "/api/v1/feeds/" + id, null).statusCode()).isEqualTo(404);
        assertThat(request("DELETE", "/api/v1/feeds/" + id, null).statusCode()).isEqualTo(404);
        int polls = site.requests(FeedServer.RSS);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> site.requests(FeedServer.RSS) <= polls + 1); // at most one poll that was already running
        assertThat(site.requests(FeedServer.ATOM)).as("the others go on").isGreaterThan(2);
    }

    @Test
    @Order(4)
    void subscriptionsSurviveARestartThroughTheCompactedTopic() throws Exception {
        Map<String, String> settings = new HashMap<>(settings());
        settings.put("server.port", "0");
        settings.put("akhbar.feeds.polling-enabled", "false");
        // As command-line arguments: they must win over application.yml, which builder properties do not.
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(IngestApplication.class).run(arguments)) {
            int restartedPort = Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port"));
            awaitRegistry(restartedPort);

            JsonNode feeds = json.readTree(send(restartedPort, "GET", "/api/v1/feeds", null).body()).path("feeds");

            List<String> urls = new ArrayList<>();
            feeds.forEach(feed -> urls.add(feed.path("url").asString()));
            assertThat(urls).containsExactly(site.url(FeedServer.ATOM), site.url(FeedServer.BROKEN), site.url(FeedServer.THROTTLED));
            assertThat(feeds.get(0).path("source").asString()).isEqualTo("أخبار المثال");
            assertThat(feeds.get(0).path("pollInterval").asString()).isEqualTo("PT1S");
        }
    }

    private static ConsumerRecord<String, byte[]> record(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    private JsonNode feed(String path) throws Exception {
        HttpResponse<String> response = request("GET", "/api/v1/feeds/" + FEED_IDS.get(path), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void awaitRegistry(int port) {
        await().atMost(Duration.ofSeconds(60)).until(() -> send(port, "GET", "/api/v1/feeds", null).statusCode() == 200);
    }

    private HttpResponse<String> request(String method, String path, String body) throws Exception {
        return send(port, method, path, body);
    }

    private HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header(LocalStack.API_KEY_HEADER, KafkaOnly.apiKey())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
