package io.akhbar.nlp;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.DeadLetterHeaders;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The poison inputs of issue 3 on a real broker, all on one partition in front of a good record: each is enriched
 * best-effort or dead-lettered with its reason, and the good record behind them still gets through.
 *
 * <p>"5 MB of text" cannot reach the service: ingest answers 413 above 1 MiB, and a broker with default settings refuses
 * records above 1 MiB. What can arrive is the largest record the broker accepts, here a 1 MiB article, whose enriched
 * record (body plus entities) is larger than that; the service's producer compresses it to fit. The enricher itself is
 * shown to handle 5 MB in bounded time and memory by {@code PoisonInputTest}.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PoisonInputIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String RAW = "articles.raw.poison." + RUN;
    private static final String ENRICHED = "articles.enriched.poison." + RUN;
    private static final String DLQ = "articles.raw.dlq.poison." + RUN;
    /** What fits in one record of a broker and a producer with default limits (1 MiB), with room for the envelope. */
    private static final int LARGEST_BODY_BYTES = 1_040_000;

    private static KafkaProbe kafka;

    @Autowired
    JsonMapper json;

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
    void poisonIsEnrichedBestEffortOrDeadLetteredAndNeverBlocksThePartition() throws Exception {
        String key = "poison-" + RUN;
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        binary[0] = (byte) 0xFF; // never valid JSON
        Map<String, String> enrichable = new LinkedHashMap<>();
        enrichable.put("garbage-text", new String(binary, StandardCharsets.ISO_8859_1));
        enrichable.put("no-letters", "!!! ??? ... 123 456 ### *** «» “” ،،، ؛؛؛ ---");
        enrichable.put("unpaired-surrogates", "بداية \uD800 بوتين \uDFFF في موسكو \uD83D نهاية");
        enrichable.put("mixed-direction", "قال \u202BPutin\u202C إن ‏بوتين‎ سيزور \u2067موسكو\u2069 on Thursday «to meet Witkoff again».");
        enrichable.put("largest-record", largestArticle());

        kafka.send(RAW, key, binary, Map.of(ArticleHeaders.TRACE_ID, "trace-" + RUN));
        for (Map.Entry<String, String> e : enrichable.entrySet()) {
            kafka.send(RAW, key, article(e.getKey(), e.getValue()), Map.of());
        }
        kafka.send(RAW, key, article("good", "قال ويتكوف إنه سيلتقي بوتين في موسكو يوم الخميس."), Map.of());

        List<ConsumerRecord<String, byte[]>> enriched = await().atMost(Duration.ofSeconds(90))
                .until(() -> kafka.read(ENRICHED).stream().filter(r -> key.equals(r.key())).toList(),
                        records -> records.size() == enrichable.size() + 1);
        List<String> ids = enriched.stream().map(r -> json.readTree(r.value()).path("id").asString()).toList();
        assertThat(ids).as("in partition order").containsExactly(
                "garbage-text", "no-letters", "unpaired-surrogates", "mixed-direction", "largest-record", "good");
        for (ConsumerRecord<String, byte[]> r : enriched) {
            JsonNode article = json.readTree(r.value());
            String id = article.path("id").asString();
            assertThat(article.path("body").asString()).as(id).isEqualTo(enrichable.getOrDefault(id, article.path("body").asString()));
            assertThat(article.path("nlpVersion").asString()).as(id).isNotBlank();
        }
        JsonNode largest = json.readTree(enriched.get(4).value());
        assertThat(enriched.get(4).value().length).as("enriched record above the broker's default limit")
                .isGreaterThan(1_048_576);
        assertThat(largest.path("entities").size()).isPositive();
        JsonNode good = json.readTree(enriched.get(5).value());
        assertThat(good.path("entities").findValuesAsString("id")).contains("person:steve-witkoff", "person:vladimir-putin");

        List<ConsumerRecord<String, byte[]>> deadLetters = kafka.read(DLQ).stream().filter(r -> key.equals(r.key())).toList();
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(binary);
        // The header set search-service's admin API reads (and search-service's own DLQ writes the same way).
        ConsumerRecord<String, byte[]> deadLetter = deadLetters.get(0);
        assertThat(KafkaProbe.header(deadLetter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(RAW);
        assertThat(deadLetter.headers().lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION).value()).hasSize(Integer.BYTES);
        assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value()).getLong())
                .isNotNegative();
        assertThat(deadLetter.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TIMESTAMP).value()).hasSize(Long.BYTES);
        assertThat(KafkaProbe.header(deadLetter, DeadLetterHeaders.ORIGINAL_TIMESTAMP_TYPE)).isEqualTo("CreateTime");
        assertThat(KafkaProbe.header(deadLetter, DeadLetterHeaders.EXCEPTION_MESSAGE)).isNotBlank();
        assertThat(KafkaProbe.header(deadLetter, DeadLetterHeaders.EXCEPTION_FQCN)).isNotBlank();
        assertThat(KafkaProbe.header(deadLetter, DeadLetterHeaders.EXCEPTION_STACKTRACE)).contains("Caused by");
        assertThat(KafkaProbe.header(deadLetter, ArticleHeaders.TRACE_ID)).isEqualTo("trace-" + RUN);
    }

    /** A real article repeated to the largest body a default broker takes in one record. */
    private static String largestArticle() throws Exception {
        String sample = Files.readString(Path.of("../samples/witkoff-kushner-moscow-davos.ar.txt")) + "\n";
        int sampleBytes = sample.getBytes(StandardCharsets.UTF_8).length;
        String body = sample.repeat(LARGEST_BODY_BYTES / sampleBytes);
        int missing = LARGEST_BODY_BYTES - body.getBytes(StandardCharsets.UTF_8).length;
        return body + "ا".repeat(missing / 2);
    }

    private byte[] article(String id, String body) {
        return json.writeValueAsBytes(Map.of(
                "schemaVersion", 1, "id", id, "body", body, "submittedAt", "2026-01-22T10:16:00Z"));
    }
}
