package io.akhbar.search.indexing;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Sends records that can never be indexed to the dead-letter topic, with the same headers as the binder's own DLQ
 * (original topic/partition/offset, exception and stack trace), so that one tool can list and replay both.
 * The binding is {@code sync}: a record is only given up on once the dead letter is safely in Kafka. The indexer logs
 * the dead letter (logger {@code akhbar.pipeline}), with the record's trace and article.
 */
@Component
class DeadLetters {

    static final String BINDING = "dead-letters-out-0";

    private final StreamBridge streamBridge;

    DeadLetters(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    void send(IncomingRecord record, String reason, Throwable cause) {
        var message = MessageBuilder.withPayload(record.payload())
                .setHeader("x-original-topic", bytes(record.topic()))
                .setHeader("x-original-partition", bytes(String.valueOf(record.partition())))
                .setHeader("x-original-offset", bytes(String.valueOf(record.offset())))
                .setHeader("x-exception-message", bytes(reason))
                .setHeader("x-exception-fqcn", bytes(cause == null ? "" : cause.getClass().getName()))
                .setHeader("x-exception-stacktrace", bytes(stackTrace(cause)))
                .build();
        if (!streamBridge.send(BINDING, message)) {
            throw new IllegalStateException("dead letter for " + record.origin() + " was not sent");
        }
    }

    private static byte[] bytes(String value) {
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
}
