package io.akhbar.nlp;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.localstack.KafkaProbe;
import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.LocalStackExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The enrich binding against a real Kafka broker: records in, enriched records and dead letters out. */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnrichmentIT {

    /** Topics of this test class alone, so that other tests sharing the broker cannot interfere. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String RAW = "articles.raw." + RUN;
    private static final String ENRICHED = "articles.enriched." + RUN;
    private static final String DLQ = "articles.raw.dlq." + RUN;

    private static KafkaProbe kafka;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> LocalStack.shared().kafkaBootstrapServers());
        registry.add("spring.cloud.stream.bindings.enrich-in-0.destination", () -> RAW);
        registry.add("spring.cloud.stream.bindings.enriched-out-0.destination", () -> ENRICHED);
        registry.add("spring.cloud.stream.bindings.dead-letters-out-0.destination", () -> DLQ);
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
    void enrichesASampleKeepingKeyAndTracingHeaders() throws Exception {
        String body = Files.readString(Path.of("../samples/witkoff-putin-third-meeting.ar.txt"));
        String id = "sample-" + RUN;
        String submitted = json.writeValueAsString(Map.of(
                "schemaVersion", 1, "id", id, "title", "ويتكوف يلتقي بوتين", "body", body,
                "submittedAt", "2026-01-22T10:16:00Z"));

        kafka.send(RAW, id, submitted.getBytes(StandardCharsets.UTF_8),
                Map.of(ArticleHeaders.INGESTED_AT, "1769076960000", ArticleHeaders.TRACE_ID, "trace-" + RUN));

        ConsumerRecord<String, byte[]> out = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.read(ENRICHED).stream().filter(r -> id.equals(r.key())).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        JsonNode enriched = json.readTree(out.value());
        assertThat(enriched.path("id").asString()).isEqualTo(id);
        assertThat(enriched.path("language").path("code").asString()).isEqualTo("ar");
        assertThat(enriched.path("wordCount").asInt()).isGreaterThan(100);
        assertThat(enriched.path("body").asString()).isEqualTo(body);
        assertThat(KafkaProbe.header(out, ArticleHeaders.TRACE_ID)).isEqualTo("trace-" + RUN);
        assertThat(KafkaProbe.header(out, ArticleHeaders.INGESTED_AT)).isEqualTo("1769076960000");
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndDoesNotBlockThePartition() {
        String poisonKey = "poison-" + RUN;
        String goodKey = "after-poison-" + RUN;
        byte[] garbage = {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, '{'};
        String missingBody = "{\"schemaVersion\":1,\"id\":\"no-body\",\"submittedAt\":\"2026-01-22T10:16:00Z\"}";
        String good = "{\"schemaVersion\":1,\"id\":\"" + goodKey + "\",\"body\":\"نص عربي قصير\","
                + "\"submittedAt\":\"2026-01-22T10:16:00Z\"}";

        // One key: one partition, so the good record queues behind the poison ones.
        kafka.send(RAW, poisonKey, garbage, Map.of());
        kafka.send(RAW, poisonKey, missingBody.getBytes(StandardCharsets.UTF_8), Map.of());
        kafka.send(RAW, poisonKey, good.getBytes(StandardCharsets.UTF_8), Map.of());

        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(Duration.ofSeconds(60))
                .until(() -> kafka.read(DLQ).stream().filter(r -> poisonKey.equals(r.key())).toList(),
                        records -> records.size() == 2);
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(garbage,
                missingBody.getBytes(StandardCharsets.UTF_8));
        assertThat(deadLetters).allSatisfy(record -> {
            assertThat(KafkaProbe.header(record, "x-original-topic")).isEqualTo(RAW);
            assertThat(KafkaProbe.header(record, "x-exception-message")).isNotBlank();
            assertThat(KafkaProbe.header(record, "x-exception-stacktrace")).isNotBlank();
        });
        assertThat(KafkaProbe.header(deadLetters.get(1), "x-exception-stacktrace")).contains("body must not be blank");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.read(ENRICHED).stream().anyMatch(r -> poisonKey.equals(r.key())));
    }

    @Test
    void errorsOfItsHttpSideAreProblemJson() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;

        HttpResponse<String> unknownPath = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/nothing-here"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        // Tomcat refuses TRACE itself, before Spring MVC sees the request.
        HttpResponse<String> trace = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(List.of(unknownPath, wrongMethod, trace)).allSatisfy(response -> {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
            assertThat(problem.path("title").asString()).isNotBlank();
        });
        assertThat(List.of(unknownPath, wrongMethod, trace)).extracting(HttpResponse::statusCode)
                .containsExactly(404, 405, 405);
    }
}
