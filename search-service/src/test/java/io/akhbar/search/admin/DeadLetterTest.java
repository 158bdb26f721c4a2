package io.akhbar.search.admin;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTest {

    private static final String STACK_TRACE = """
            org.springframework.messaging.MessageHandlingException: error occurred in message handler
            \tat org.springframework.integration.handler.AbstractMessageHandler.handleMessage(AbstractMessageHandler.java:58)
            Caused by: org.springframework.messaging.converter.MessageConversionException: Could not read JSON
            \tat org.springframework.messaging.converter.MappingJacksonMessageConverter.convertFromInternal(X.java:1)
            Caused by: tools.jackson.core.exc.StreamReadException: Unexpected character ('n' (code 110))
            \tat tools.jackson.core.JsonParser._constructReadException(JsonParser.java:1)
            """;

    @Test
    void readsTheBindersBinaryHeaders() {
        var headers = new RecordHeaders();
        headers.add(ArticleHeaders.TRACE_ID, bytes("trace-1"));
        headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes("articles.raw"));
        headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(5).array());
        headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(123_456_789_012L).array());
        headers.add(DeadLetterHeaders.ORIGINAL_TIMESTAMP, ByteBuffer.allocate(8).putLong(1_769_076_930_000L).array());
        headers.add(DeadLetterHeaders.EXCEPTION_FQCN, bytes("org.springframework.messaging.MessageHandlingException"));
        headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, bytes("error occurred in message handler"));
        headers.add(DeadLetterHeaders.EXCEPTION_STACKTRACE, bytes(STACK_TRACE));

        DeadLetter d = DeadLetter.of(record("articles.raw.dlq", 2, 40, headers));

        assertThat(d.id()).isEqualTo(new DeadLetterId("articles.raw.dlq", 2, 40));
        assertThat(d.originalTopic()).isEqualTo("articles.raw");
        assertThat(d.originalPartition()).isEqualTo(5);
        assertThat(d.originalOffset()).isEqualTo(123_456_789_012L);
        assertThat(d.originalTimestamp()).isEqualTo(Instant.parse("2026-01-22T10:15:30Z"));
        assertThat(d.reason()).isEqualTo("error occurred in message handler");
        assertThat(d.exceptionClass()).isEqualTo("org.springframework.messaging.MessageHandlingException");
        assertThat(d.rootCause()).isEqualTo("tools.jackson.core.exc.StreamReadException");
        assertThat(d.traceId()).isEqualTo("trace-1");
        assertThat(d.replayCount()).isZero();
        assertThat(d.replayedFrom()).isNull();
    }

    @Test
    void readsDecimalTextAndTakesTheLastOfRepeatedHeaders() {
        var headers = new RecordHeaders();
        // A replayed record that failed again in nlp-service: the binder adds its headers after the carried ones.
        headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, bytes("7"));
        headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, bytes("1234"));
        headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, bytes("0"));
        headers.add(DeadLetterHeaders.REPLAY_COUNT, bytes("2"));
        headers.add(DeadLetterHeaders.REPLAYED_FROM, bytes("articles.raw.dlq-0-3"));
        headers.add(DeadLetterHeaders.EXCEPTION_FQCN, bytes(""));

        DeadLetter d = DeadLetter.of(record("articles.raw.dlq", 0, 9, headers));

        assertThat(d.originalOffset()).isEqualTo(1234L);
        assertThat(d.originalPartition()).isZero();
        assertThat(d.replayCount()).isEqualTo(2);
        assertThat(d.replayedFrom()).isEqualTo("articles.raw.dlq-0-3");
        assertThat(d.exceptionClass()).as("blank is absent").isNull();
        assertThat(d.originalTopic()).isNull();
        assertThat(d.rootCause()).isNull();
    }

    @Test
    void numbersOfOtherLengthsOrShapesAreUnknown() {
        assertThat(HeaderValues.number(new byte[] {1, 2, 3})).isNull();
        assertThat(HeaderValues.number(new byte[0])).isNull();
        assertThat(HeaderValues.number(bytes("-1"))).isEqualTo(-1L);
        assertThat(HeaderValues.number(bytes("12a4"))).isEqualTo(ByteBuffer.wrap(bytes("12a4")).getInt());
        assertThat(HeaderValues.number(bytes("99999999999999999999"))).isNull();
    }

    @Test
    void listShowsTheFirstLinesOfTheStackTrace() {
        assertThat(DeadLetterView.firstLines(STACK_TRACE, 2)).isEqualTo(
                STACK_TRACE.lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n\t...");
        assertThat(DeadLetterView.firstLines("one line", 2)).isEqualTo("one line");
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, RecordHeaders headers) {
        return new ConsumerRecord<>(topic, partition, offset, 1_769_077_000_000L, TimestampType.CREATE_TIME, 3, 5,
                bytes("key"), bytes("{not json"), headers, Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
