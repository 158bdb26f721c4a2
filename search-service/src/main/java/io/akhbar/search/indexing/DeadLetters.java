package io.akhbar.search.indexing;

import io.akhbar.contracts.DeadLetterHeaders;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

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

    private final StreamBridge streamBridge;

    DeadLetters(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    void send(IncomingRecord record, String reason, Throwable cause) {
        var message = MessageBuilder.withPayload(record.payload());
        record.headers().forEach((name, value) -> {
            byte[] bytes = DeadLetterHeaders.carried(name, value);
            if (bytes != null) {
                message.setHeader(name, bytes);
            }
        });
        if (record.key() != null) {
            // The binder's producer takes the key from this header; the article id keeps its partition on replay.
            message.setHeader(KafkaHeaders.KEY, record.key().getBytes(StandardCharsets.UTF_8));
        }
        DeadLetterHeaders.of(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), reason, cause).forEach(message::setHeader);
        if (!streamBridge.send(BINDING, message.build())) {
            throw new IllegalStateException("dead letter for " + record.origin() + " was not sent");
        }
    }

    /** What a refused document is dead-lettered with: the reason Elasticsearch gave, and where it was seen. */
    static final class DocumentRefusedException extends RuntimeException {

        DocumentRefusedException(String reason) {
            super(reason);
        }
    }
}
