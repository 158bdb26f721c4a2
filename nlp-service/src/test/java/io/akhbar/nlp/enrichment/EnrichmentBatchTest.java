package io.akhbar.nlp.enrichment;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.DeadLetterHeaders;
import io.akhbar.contracts.PipelineLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One batch, record by record, and how it waits for Kafka; the real broker is EnrichmentIT's and PoisonInputIT's. */
class EnrichmentBatchTest {

    private static final String GOOD = "{\"schemaVersion\":1,\"id\":\"good\",\"body\":\"قال ويتكوف إنه سيلتقي بوتين في موسكو.\","
            + "\"submittedAt\":\"2026-01-22T10:16:00Z\"}";
    private static final String NO_BODY = "{\"schemaVersion\":1,\"id\":\"no-body\",\"submittedAt\":\"2026-01-22T10:16:00Z\"}";
    private static final byte[] GARBAGE = {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, '{'};

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingSends sends = new RecordingSends();
    private final JsonMapper json = JsonMapper.builder().build();
    private final EnrichmentBatch batch = new EnrichmentBatch(
            new ArticleEnricher(ArticleEnricherTest.ENRICHER, Clock.fixed(ArticleEnricherTest.NOW, ZoneOffset.UTC)),
            new DeadLetters(sends, meters), sends, json, meters);

    /** What the batch sent, by binding, each answered with {@link #answer}'s future. */
    private static final class RecordingSends extends AcknowledgedSends {

        final List<String> bindings = new ArrayList<>();
        final List<Message<?>> messages = new ArrayList<>();
        Function<Message<?>, CompletableFuture<?>> answer = message -> CompletableFuture.completedFuture(null);

        RecordingSends() {
            super(null);
        }

        @Override
        CompletableFuture<?> send(String binding, MessageBuilder<?> message) {
            Message<?> built = message.build();
            bindings.add(binding);
            messages.add(built);
            return answer.apply(built);
        }

        List<Message<?>> sentTo(String binding) {
            List<Message<?>> sent = new ArrayList<>();
            for (int i = 0; i < bindings.size(); i++) {
                if (bindings.get(i).equals(binding)) {
                    sent.add(messages.get(i));
                }
            }
            return sent;
        }
    }

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void enrichesWhatItCanKeepingKeyAndHeadersAndDeadLettersTheRestWithTheirReasons() {
        batch.enrich(RawArticle.of(batchOf(
                new Input("garbage", GARBAGE, 10),
                new Input("good", GOOD.getBytes(StandardCharsets.UTF_8), 11),
                new Input("no-body", NO_BODY.getBytes(StandardCharsets.UTF_8), 12))));

        List<Message<?>> out = sends.sentTo(EnrichmentBatch.BINDING);
        assertThat(out).hasSize(1);
        Message<?> enriched = out.get(0);
        JsonNode article = json.readTree((byte[]) enriched.getPayload());
        assertThat(article.path("id").asString()).isEqualTo("good");
        assertThat(article.path("entities").findValuesAsString("id")).contains("person:steve-witkoff");
        assertThat(enriched.getHeaders().get(KafkaHeaders.KEY)).isEqualTo(bytes("good"));
        assertThat(enriched.getHeaders().get(ArticleHeaders.TRACE_ID)).isEqualTo(bytes("trace-good"));
        assertThat(enriched.getHeaders().get(ArticleHeaders.INGESTED_AT)).isEqualTo(bytes("1769076960000"));
        assertThat(enriched.getHeaders()).containsEntry("contentType", "application/json");

        List<Message<?>> deadLetters = sends.sentTo(DeadLetters.BINDING);
        assertThat(deadLetters).hasSize(2);
        Message<?> unreadable = deadLetters.get(0);
        Message<?> invalid = deadLetters.get(1);
        assertThat(unreadable.getPayload()).isEqualTo(GARBAGE);
        assertThat(unreadable.getHeaders().get(KafkaHeaders.KEY)).isEqualTo(bytes("garbage"));
        assertThat(unreadable.getHeaders().get(ArticleHeaders.TRACE_ID)).isEqualTo(bytes("trace-garbage"));
        assertThat(text(unreadable, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("articles.raw");
        assertThat(ByteBuffer.wrap((byte[]) unreadable.getHeaders().get(DeadLetterHeaders.ORIGINAL_OFFSET)).getLong())
                .isEqualTo(10L);
        assertThat(text(unreadable, DeadLetterHeaders.ORIGINAL_TIMESTAMP_TYPE)).isEqualTo("CreateTime");
        assertThat(text(unreadable, DeadLetterHeaders.EXCEPTION_MESSAGE)).startsWith("articles.raw/2@10 unreadable: ");
        assertThat(text(unreadable, DeadLetterHeaders.EXCEPTION_STACKTRACE)).contains("Caused by");
        assertThat(invalid.getPayload()).isEqualTo(NO_BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(text(invalid, DeadLetterHeaders.EXCEPTION_STACKTRACE)).contains("body must not be blank");

        assertThat(count("unreadable")).isEqualTo(1);
        assertThat(count("invalid")).isEqualTo(1);
        assertThat(meters.find("akhbar.articles.enriched").counter().count()).isEqualTo(1);
        assertThat(MDC.get(PipelineLog.TRACE_ID)).isNull();
        assertThat(MDC.get(PipelineLog.ARTICLE_ID)).isNull();
    }

    @Test
    void aSendKafkaDoesNotAcknowledgeFailsTheWholeBatchSoThatItIsReadAgain() {
        sends.answer = message -> CompletableFuture.failedFuture(new TimeoutException("broker away"));
        Message<List<byte[]>> records = batchOf(
                new Input("good", GOOD.getBytes(StandardCharsets.UTF_8), 11),
                new Input("garbage", GARBAGE, 12));

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> batch.enrich(RawArticle.of(records)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("articles.raw/2@11 was not acknowledged")
                    .hasRootCauseInstanceOf(TimeoutException.class);
        }
        // Nothing reached Kafka, so nothing counts, however often the batch was tried.
        assertThat(meters.find("akhbar.articles.enriched").counter().count()).isZero();
        assertThat(count("unreadable")).isZero();

        sends.answer = message -> CompletableFuture.completedFuture(null);
        batch.enrich(RawArticle.of(records));

        assertThat(meters.find("akhbar.articles.enriched").counter().count()).isEqualTo(1);
        assertThat(count("unreadable")).isEqualTo(1);
    }

    @Test
    void anEnrichedRecordTooLargeForTheProducerIsDeadLetteredInsteadOfFailingItsBatchForEver() {
        sends.answer = message -> message.getHeaders().containsKey(DeadLetterHeaders.ORIGINAL_TOPIC)
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new KafkaException("send failed", new RecordTooLargeException("too large")));

        batch.enrich(RawArticle.of(batchOf(new Input("good", GOOD.getBytes(StandardCharsets.UTF_8), 11))));

        List<Message<?>> deadLetters = sends.sentTo(DeadLetters.BINDING);
        assertThat(deadLetters).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.getPayload()).isEqualTo(GOOD.getBytes(StandardCharsets.UTF_8));
            assertThat(text(deadLetter, DeadLetterHeaders.EXCEPTION_STACKTRACE)).contains("RecordTooLargeException");
        });
        assertThat(count("failed")).isEqualTo(1);
        assertThat(meters.find("akhbar.articles.enriched").counter().count()).isZero();
    }

    @Test
    void reasonsAreFewAndNameTheKindOfFailure() {
        assertThat(DeadLetters.reason(new IllegalStateException("x", new IllegalArgumentException("body")))).isEqualTo("invalid");
        assertThat(DeadLetters.reason(new IllegalStateException("x"))).isEqualTo("failed");
    }

    private record Input(String key, byte[] payload, long offset) {
    }

    private static Message<List<byte[]>> batchOf(Input... inputs) {
        List<byte[]> payloads = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        List<Object> offsets = new ArrayList<>();
        List<Object> headers = new ArrayList<>();
        for (Input input : inputs) {
            payloads.add(input.payload());
            keys.add(input.key());
            offsets.add(input.offset());
            headers.add(Map.of(ArticleHeaders.TRACE_ID, bytes("trace-" + input.key()),
                    ArticleHeaders.INGESTED_AT, bytes("1769076960000"), "contentType", "text/plain"));
        }
        return MessageBuilder.withPayload(payloads)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, Collections.nCopies(inputs.length, "articles.raw"))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, new ArrayList<>(Collections.nCopies(inputs.length, 2)))
                .setHeader(KafkaHeaders.OFFSET, offsets)
                .setHeader(KafkaHeaders.RECEIVED_KEY, keys)
                .setHeader(KafkaHeaders.RECEIVED_TIMESTAMP, new ArrayList<>(Collections.nCopies(inputs.length, 1769076960000L)))
                .setHeader(KafkaHeaders.TIMESTAMP_TYPE, new ArrayList<>(Collections.nCopies(inputs.length, "CREATE_TIME")))
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .build();
    }

    private double count(String reason) {
        var counter = meters.find("akhbar.articles.dead.lettered").tag("stage", "enrichment").tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String text(Message<?> message, String header) {
        return new String((byte[]) message.getHeaders().get(header), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
