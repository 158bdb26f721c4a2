package io.akhbar.e2e;

import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.LocalStackExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline as a user drives it: the three services run as separate JVMs from their executable jars, on a
 * real Kafka broker and a real Elasticsearch node; articles go in over HTTP and come out of search.
 */
@ExtendWith(LocalStackExtension.class)
class PipelineIT {

    private static final Path SAMPLES = Path.of("../samples");
    private static LocalStack stack;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startServices() {
        stack = LocalStack.sharedWithServices();
    }

    @Test
    void eachSampleIsFoundWithinThirtySecondsByAWordOnlyItContains() throws Exception {
        String davos = submitText(Files.readString(SAMPLES.resolve("witkoff-kushner-moscow-davos.ar.txt")));
        String istanbul = submitText(Files.readString(SAMPLES.resolve("witkoff-putin-third-meeting.ar.txt")));

        // Other tests on this shared stack post the samples too (under their own URLs, hence other ids): each sample
        // is looked for by its id among the hits of a word that only the samples contain.
        JsonNode davosHit = awaitHit("دافوس", davos);
        JsonNode istanbulHit = awaitHit("إسطنبول", istanbul);

        assertThat(davosHit.path("snippet").asString()).contains("<mark>دافوس</mark>");
        assertThat(davosHit.path("language").asString()).isEqualTo("ar");
        assertThat(istanbulHit.path("snippet").asString()).contains("<mark>إسطنبول</mark>");
        JsonNode article = json.readTree(get(stack.serviceUrl("search-service") + "/api/v1/articles/" + davos).body());
        assertThat(article.path("body").asString()).isEqualTo(
                Files.readString(SAMPLES.resolve("witkoff-kushner-moscow-davos.ar.txt")));
    }

    @Test
    void postingTheSameArticleTwiceLeavesExactlyOneDocument() throws Exception {
        String word = "كلمةفريدة" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String article = json.writeValueAsString(Map.of(
                "title", "خبر للتجربة",
                "body", "هذا خبر قصير عن " + word + " في العاصمة.",
                "url", "https://example.com/e2e/" + word));

        String first = submit("application/json", article);
        String second = submit("application/json", article);

        assertThat(second).isEqualTo(first);
        JsonNode hits = awaitHits(word, 1);
        // Both copies went through the whole pipeline: the indexer has committed past every enriched record.
        await().atMost(Duration.ofSeconds(30)).until(this::indexerCaughtUp);
        hits = awaitHits(word, 1);
        assertThat(hits.path("total").asLong()).isEqualTo(1);
        assertThat(hits.path("hits").get(0).path("id").asString()).isEqualTo(first);
    }

    @Test
    void theOpsSummaryShowsEveryStageCaughtUpAndTheIndexedDocuments() throws Exception {
        String id = submitText("خبر عن اجتماع في مدينة الرباط حول التجارة.");
        // Other suites on the shared stack index articles about الرباط too: wait for this one.
        awaitHit("الرباط", id);

        JsonNode pipeline = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> json.readTree(get(stack.serviceUrl("search-service") + "/api/v1/ops/pipeline").body()),
                        summary -> summary.path("elasticsearch").path("documents").asLong() >= 1
                                && summary.path("stages").size() == 3
                                && summary.findValues("lagRecords").stream().allMatch(lag -> lag.asLong() == 0)
                                && summary.path("stages").get(0).path("records").asLong() >= 1);
        assertThat(pipeline.path("stages").findValuesAsString("name")).containsExactly("ingest", "enrichment", "indexing");
        assertThat(pipeline.path("elasticsearch").path("status").asString()).isIn("green", "yellow");
        assertThat(pipeline.path("deadLetters").has("articles.raw.dlq")).isTrue();
        assertThat(pipeline.path("freshness").path("count").asLong()).isPositive();
        assertThat(id).isNotBlank();
    }

    private String submitText(String text) throws Exception {
        return submit("text/plain; charset=UTF-8", text);
    }

    private String submit(String contentType, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(stack.serviceUrl("ingest-service") + "/api/v1/articles"))
                        .header("Content-Type", contentType)
                        .header(LocalStack.API_KEY_HEADER, stack.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body()).path("id").asString();
    }

    private JsonNode awaitHit(String word, String id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    JsonNode result = search("size=100&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
                    for (JsonNode hit : result == null ? List.<JsonNode>of() : result.path("hits")) {
                        if (id.equals(hit.path("id").asString())) {
                            return hit;
                        }
                    }
                    return null;
                }, hit -> hit != null);
    }

    private JsonNode awaitHits(String word, int expectedTotal) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> search("q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)),
                        result -> result != null && result.path("total").asLong() == expectedTotal);
    }

    /** The search answer for a query string, or null while search-service cannot answer. */
    private JsonNode search(String queryString) throws Exception {
        HttpResponse<String> response = get(stack.serviceUrl("search-service") + "/api/v1/search?" + queryString);
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    private boolean indexerCaughtUp() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets("search-service").partitionsToOffsetAndMetadata().get();
            var partitions = admin.describeTopics(List.of("articles.enriched")).allTopicNames().get()
                    .get("articles.enriched").partitions().stream()
                    .map(info -> new TopicPartition("articles.enriched", info.partition()))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            var ends = admin.listOffsets(partitions).all().get();
            return ends.entrySet().stream().allMatch(end -> {
                OffsetAndMetadata offset = committed.get(end.getKey());
                return end.getValue().offset() == (offset == null ? 0 : offset.offset());
            });
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
