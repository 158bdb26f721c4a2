package io.akhbar.nlp.enrichment;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.DeadLetterHeaders;
import io.akhbar.contracts.PipelineLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.MDC;
import org.springframework.cloud.stream.function.StreamBridge;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** One batch, record by record: the broker side (transactions, the DLQ topic) is EnrichmentIT's and PoisonInputIT's. */
class EnrichmentBatchTest {

    private static final String GOOD = "{\"schemaVersion\":1,\"id\":\"good\",\"body\":\"قال ويتكوف إنه سيلتقي بوتين في موسكو.\","
            + "\"submittedAt\":\"2026-01-22T10:16:00Z\"}";
    private static final String NO_BODY = "{\"schemaVersion\":1,\"id\":\"no-body\",\"submittedAt\":\"2026-01-22T10:16:00Z\"}";
    private static final byte[] GARBAGE = {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, '{'};

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StreamBridge bridge = mock(StreamBridge.class);
    private final JsonMapper json = JsonMapper.builder().build();
    private final EnrichmentBatch batch = new EnrichmentBatch(
            new ArticleEnricher(ArticleEnricherTest.ENRICHER, Clock.fixed(ArticleEnricherTest.NOW, ZoneOffset.UTC)),
            new DeadLetters(bridge, meters), json, meters);

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void enrichesWhatItCanKeepingKeyAndHeadersAndDeadLettersTheRestWithTheirReasons() {
        when(bridge.send(eq(DeadLetters.BINDING), any())).thenReturn(true);

        List<Message<byte[]>> out = batch.enrich(batchOf(
                new Input("garbage", GARBAGE, 10),
                new Input("good", GOOD.getBytes(StandardCharsets.UTF_8), 11),
                new Input("no-body", NO_BODY.getBytes(StandardCharsets.UTF_8), 12)));

        assertThat(out).hasSize(1);
        Message<byte[]> enriched = out.get(0);
        JsonNode article = json.readTree(enriched.getPayload());
        assertThat(article.path("id").asString()).isEqualTo("good");
        assertThat(article.path("entities").findValuesAsString("id")).contains("person:steve-witkoff");
        assertThat(enriched.getHeaders().get(KafkaHeaders.KEY)).isEqualTo(bytes("good"));
        assertThat(enriched.getHeaders().get(ArticleHeaders.TRACE_ID)).isEqualTo(bytes("trace-good"));
        assertThat(enriched.getHeaders().get(ArticleHeaders.INGESTED_AT)).isEqualTo(bytes("1769076960000"));
        assertThat(enriched.getHeaders()).doesNotContainKey("contentType");

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Message<?>> sent = ArgumentCaptor.forClass(Message.class);
        verify(bridge, times(2)).send(eq(DeadLetters.BINDING), sent.capture());
        Message<?> unreadable = sent.getAllValues().get(0);
        Message<?> invalid = sent.getAllValues().get(1);
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
    void aDeadLetterThatCannotBeSentFailsTheWholeBatchSoThatItIsRolledBackAndReadAgain() {
        when(bridge.send(eq(DeadLetters.BINDING), any())).thenReturn(false);

        assertThatThrownBy(() -> batch.enrich(batchOf(new Input("garbage", GARBAGE, 10))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("articles.raw/2@10");
        assertThat(count("unreadable")).isZero();
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
                    ArticleHeaders.INGESTED_AT, bytes("1769076960000"), "contentType", "application/json"));
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
