package io.akhbar.search.indexing;

import io.akhbar.contracts.DeadLetterHeaders;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Sends records that can never be indexed to the dead-letter topic as the binder's own DLQ does for nlp-service: the
 * original key, value and headers (trace id, ingest time), plus {@link DeadLetterHeaders} in the binder's encodings,
 * so that one admin API lists and replays both. The binding is {@code sync}: a record is only given up on once the
 * dead letter is safely in Kafka. The indexer logs the dead letter (logger {@code akhbar.pipeline}), with the
 * record's trace and article.
 */
@Component
class DeadLetters {

    static final String BINDING = "dead-letters-out-0";

    /** Headers of the incoming record that are the binder's business, not the article's. */
    private static final Set<String> NOT_CARRIED = Set.of("contentType", "spring_json_header_types");

    private final StreamBridge streamBridge;

    DeadLetters(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    void send(IncomingRecord record, String reason, Throwable cause) {
        var message = MessageBuilder.withPayload(record.payload());
        record.headers().forEach((name, value) -> {
            byte[] bytes = carried(name, value);
            if (bytes != null) {
                message.setHeader(name, bytes);
            }
        });
        if (record.key() != null) {
            // The binder's producer takes the key from this header; the article id keeps its partition on replay.
            message.setHeader(KafkaHeaders.KEY, text(record.key()));
        }
        message.setHeader(DeadLetterHeaders.ORIGINAL_TOPIC, text(record.topic()))
                .setHeader(DeadLetterHeaders.ORIGINAL_PARTITION,
                        ByteBuffer.allocate(Integer.BYTES).putInt(record.partition() == null ? -1 : record.partition()).array())
                .setHeader(DeadLetterHeaders.ORIGINAL_OFFSET,
                        ByteBuffer.allocate(Long.BYTES).putLong(record.offset() == null ? -1 : record.offset()).array())
                .setHeader(DeadLetterHeaders.EXCEPTION_MESSAGE, text(reason))
                .setHeader(DeadLetterHeaders.EXCEPTION_FQCN, text(cause == null ? "" : cause.getClass().getName()))
                .setHeader(DeadLetterHeaders.EXCEPTION_STACKTRACE, text(stackTrace(cause)));
        if (record.timestamp() != null) {
            message.setHeader(DeadLetterHeaders.ORIGINAL_TIMESTAMP,
                    ByteBuffer.allocate(Long.BYTES).putLong(record.timestamp()).array());
        }
        if (record.timestampType() != null) {
            message.setHeader(DeadLetterHeaders.ORIGINAL_TIMESTAMP_TYPE, text(record.timestampType()));
        }
        if (!streamBridge.send(BINDING, message.build())) {
            throw new IllegalStateException("dead letter for " + record.origin() + " was not sent");
        }
    }

    /**
     * The bytes of an incoming header worth keeping, or null. Headers of an earlier dead-lettering (a replayed record
     * that failed again) are dropped: this dead letter's own describe the failure. Values are sent as bytes, since
     * the binder would write any other type as JSON.
     */
    static byte[] carried(String name, Object value) {
        if (NOT_CARRIED.contains(name) || name.startsWith(DeadLetterHeaders.ORIGINAL_PREFIX)
                || name.startsWith(DeadLetterHeaders.EXCEPTION_PREFIX)) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return text(value.toString());
        }
        return null;
    }

    private static byte[] text(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    private static String stackTrace(Throwable cause) {
        if (cause == null) {
            return "";
        }
        var writer = new StringWriter();
        cause.printStackTrace(new PrintWriter(writer));
        return writer.toString();
    }

    /** What a refused document is dead-lettered with: the reason Elasticsearch gave, and where it was seen. */
    static final class DocumentRefusedException extends RuntimeException {

        DocumentRefusedException(String reason) {
            super(reason);
        }
    }
}
