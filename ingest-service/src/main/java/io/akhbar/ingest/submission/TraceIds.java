package io.akhbar.ingest.submission;

import io.akhbar.contracts.PipelineLog;
import org.slf4j.MDC;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The trace id an article travels under (Kafka header {@code akhbar-trace-id}, MDC {@code trace.id}). A client that
 * traces its own requests keeps its id: the trace-id of a W3C {@code traceparent}, else an {@code X-Request-Id};
 * anything else gets a new id in the W3C format (32 lowercase hex digits), so that all ids look alike.
 */
public final class TraceIds {

    /** version-traceid-parentid-flags; version ff is forbidden and all-zero ids are invalid (W3C Trace Context). */
    private static final Pattern TRACEPARENT =
            Pattern.compile("(?!ff)[0-9a-f]{2}-(?!0{32})([0-9a-f]{32})-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");
    /** A request id ends up in log lines and Kafka headers: short, and only characters that need no escaping. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private TraceIds() {
    }

    /** The trace id for a request with these headers (each may be null). */
    public static String forRequest(String traceparent, String requestId) {
        if (traceparent != null) {
            var matcher = TRACEPARENT.matcher(traceparent.trim());
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        if (requestId != null && REQUEST_ID.matcher(requestId.trim()).matches()) {
            return requestId.trim();
        }
        return generate();
    }

    /** A random W3C trace-id; not cryptographic, only unique enough to tell traces apart. */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong();
        long low = random.nextLong();
        if (high == 0 && low == 0) {
            low = 1;
        }
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(high) + hex.toHexDigits(low);
    }

    /** The trace of the request or poll this thread works for (set in the MDC), or a new one. */
    static String current() {
        String traceId = MDC.get(PipelineLog.TRACE_ID);
        return traceId != null ? traceId : generate();
    }
}
