package io.akhbar.search.admin;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

import java.time.Instant;

/**
 * One record of a dead-letter topic, with its {@link DeadLetterHeaders} read.
 *
 * @param replayCount how often the article had been replayed before it failed this time (0 for a first failure)
 */
record DeadLetter(DeadLetterId id, Instant timestamp, byte[] key, byte[] payload, Headers headers,
        String originalTopic, Integer originalPartition, Long originalOffset, Instant originalTimestamp,
        String reason, String exceptionClass, String stackTrace, int replayCount, String replayedFrom) {

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        Long partition = HeaderValues.number(headers, DeadLetterHeaders.ORIGINAL_PARTITION);
        Long originalTimestamp = HeaderValues.number(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP);
        Long replays = HeaderValues.number(headers, DeadLetterHeaders.REPLAY_COUNT);
        return new DeadLetter(
                new DeadLetterId(record.topic(), record.partition(), record.offset()),
                record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()),
                record.key(),
                record.value(),
                headers,
                blankToNull(HeaderValues.text(headers, DeadLetterHeaders.ORIGINAL_TOPIC)),
                partition == null ? null : partition.intValue(),
                HeaderValues.number(headers, DeadLetterHeaders.ORIGINAL_OFFSET),
                originalTimestamp == null || originalTimestamp < 0 ? null : Instant.ofEpochMilli(originalTimestamp),
                blankToNull(HeaderValues.text(headers, DeadLetterHeaders.EXCEPTION_MESSAGE)),
                blankToNull(HeaderValues.text(headers, DeadLetterHeaders.EXCEPTION_FQCN)),
                blankToNull(HeaderValues.text(headers, DeadLetterHeaders.EXCEPTION_STACKTRACE)),
                replays == null || replays < 0 ? 0 : replays.intValue(),
                blankToNull(HeaderValues.text(headers, DeadLetterHeaders.REPLAYED_FROM)));
    }

    String traceId() {
        return HeaderValues.text(headers, ArticleHeaders.TRACE_ID);
    }

    /**
     * The innermost cause named in the stack trace ({@code Caused by: x.y.Z: ...}), which says more than a
     * wrapper exception; the exception class itself when there is none.
     */
    String rootCause() {
        if (stackTrace == null) {
            return exceptionClass;
        }
        String root = exceptionClass;
        for (String line : stackTrace.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Caused by: ")) {
                String rest = trimmed.substring("Caused by: ".length());
                int colon = rest.indexOf(':');
                root = colon < 0 ? rest : rest.substring(0, colon);
            }
        }
        return root;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
