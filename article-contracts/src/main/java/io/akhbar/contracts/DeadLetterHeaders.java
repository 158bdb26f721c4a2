package io.akhbar.contracts;

/**
 * Kafka headers of a dead letter, the same on every dead-letter topic: nlp-service's come from the Spring Cloud Stream
 * binder's DLQ (these are its names and encodings), search-service writes its own the same way, and the admin API of
 * search-service reads and replays both. A dead letter is the original record (key, value, headers) plus these.
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

    private DeadLetterHeaders() {
    }
}
