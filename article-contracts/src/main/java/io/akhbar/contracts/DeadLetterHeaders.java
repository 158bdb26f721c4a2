package io.akhbar.contracts;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Kafka headers of a dead letter, the same on every dead-letter topic: the names and encodings of the Spring Cloud
 * Stream binder's own DLQ, which nlp-service and search-service both write the same way, and which the admin API of
 * search-service reads and replays. A dead letter is the original record (key, value, headers) plus these.
 *
 * <p>Encodings, as the binder writes them: topic, timestamp type and exception headers are UTF-8 text; the partition
 * is a 4-byte and the offset and timestamp are 8-byte big-endian integers.
 */
public final class DeadLetterHeaders {

    public static final String ORIGINAL_TOPIC = "x-original-topic";
    public static final String ORIGINAL_PARTITION = "x-original-partition";
    public static final String ORIGINAL_OFFSET = "x-original-offset";
    /** Epoch millis of the original record. */
    public static final String ORIGINAL_TIMESTAMP = "x-original-timestamp";
    /** CreateTime or LogAppendTime. */
    public static final String ORIGINAL_TIMESTAMP_TYPE = "x-original-timestamp-type";
    /** Why the record was given up on. */
    public static final String EXCEPTION_MESSAGE = "x-exception-message";
    public static final String EXCEPTION_FQCN = "x-exception-fqcn";
    public static final String EXCEPTION_STACKTRACE = "x-exception-stacktrace";

    /** Prefixes of the headers above: a replay drops them, since they describe the failure, not the article. */
    public static final String ORIGINAL_PREFIX = "x-original-";
    public static final String EXCEPTION_PREFIX = "x-exception-";

    /** On a replayed record: the id ({@code topic-partition-offset}) of the dead letter it was replayed from. */
    public static final String REPLAYED_FROM = "akhbar-replayed-from";
    /** On a replayed record: how many times this article has been replayed, as decimal text (1 for the first). */
    public static final String REPLAY_COUNT = "akhbar-replay-count";

    /** Headers of an incoming record that are the binder's business, not the article's. */
    private static final Set<String> NOT_CARRIED = Set.of("contentType", "spring_json_header_types");

    private DeadLetterHeaders() {
    }

    /**
     * The headers that say where a dead letter came from and why it was given up on, in the binder's encodings.
     *
     * @param partition     null when unknown (written as -1, as is an unknown offset)
     * @param timestamp     epoch millis of the original record; left out when null, as is a null timestamp type
     * @param timestampType CreateTime or LogAppendTime
     */
    public static Map<String, byte[]> of(String topic, Integer partition, Long offset, Long timestamp,
            String timestampType, String reason, Throwable cause) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(ORIGINAL_TOPIC, text(topic));
        headers.put(ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(partition == null ? -1 : partition).array());
        headers.put(ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(offset == null ? -1 : offset).array());
        if (timestamp != null) {
            headers.put(ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(timestamp).array());
        }
        if (timestampType != null) {
            headers.put(ORIGINAL_TIMESTAMP_TYPE, text(timestampType));
        }
        headers.put(EXCEPTION_MESSAGE, text(reason));
        headers.put(EXCEPTION_FQCN, text(cause == null ? "" : cause.getClass().getName()));
        headers.put(EXCEPTION_STACKTRACE, text(stackTrace(cause)));
        return headers;
    }

    /**
     * The bytes of an incoming header worth carrying on (to a dead letter or to the next stage), or null. Headers of an
     * earlier dead-lettering (a replayed record that failed again) are dropped: a new dead letter's own describe the
     * failure. Values come back as bytes, since a binder writes any other type as JSON.
     */
    public static byte[] carried(String name, Object value) {
        if (NOT_CARRIED.contains(name) || name.startsWith(ORIGINAL_PREFIX) || name.startsWith(EXCEPTION_PREFIX)) {
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

    /**
     * A record's timestamp type as the binder's DLQ writes it (CreateTime, LogAppendTime), whether given that way or as
     * the enum constant a batch's headers carry (CREATE_TIME); null stays null.
     */
    public static String timestampType(Object value) {
        if (value == null) {
            return null;
        }
        return switch (value.toString()) {
            case "CREATE_TIME" -> "CreateTime";
            case "LOG_APPEND_TIME" -> "LogAppendTime";
            case "NO_TIMESTAMP_TYPE" -> "NoTimestampType";
            default -> value.toString();
        };
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
}
