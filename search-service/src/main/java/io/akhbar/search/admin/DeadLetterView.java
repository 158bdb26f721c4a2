package io.akhbar.search.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.kafka.common.header.Header;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dead letter as the admin API shows it. In the list, the reason, stack trace and payload are cut short; the detail
 * has them whole, plus every header.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeadLetterView(
        @Schema(description = "<topic>-<partition>-<offset> of the dead letter; what replay and the detail take") String id,
        String topic, int partition, long offset,
        @Schema(description = "when it was dead-lettered") Instant timestamp,
        @Schema(description = "record key (the article id), as text, or base64:... when not UTF-8") String key,
        String originalTopic, Integer originalPartition, Long originalOffset, Instant originalTimestamp,
        @Schema(description = "why it was given up on (x-exception-message)") String reason,
        @Schema(description = "x-exception-fqcn") String exceptionClass,
        @Schema(description = "innermost 'Caused by' of the stack trace") String rootCause,
        @Schema(description = "first lines in the list, all of it in the detail") String stackTrace,
        String traceId,
        @Schema(description = "replays of this article before this failure") int previousReplays,
        @Schema(description = "the dead letter this record was replayed from, if it was") String replayedFrom,
        Preview payload,
        @Schema(description = "replayed or pending") String replayStatus,
        Instant replayedAt,
        @Schema(description = "id (<topic>-<partition>-<offset>) of the latest re-sent record") String replayedTo,
        @Schema(description = "how often this dead letter was replayed") Integer replays,
        @Schema(description = "every header, detail only; binary values as base64:...") Map<String, String> headers) {

    static final int MAX_REASON_IN_LIST = 1000;

    static DeadLetterView summary(DeadLetter d, ReplayLog.Replay replay, int previewBytes, int stackTraceLines) {
        return of(d, replay, Preview.of(d.payload(), previewBytes), cut(d.reason(), MAX_REASON_IN_LIST),
                firstLines(d.stackTrace(), stackTraceLines), null);
    }

    static DeadLetterView detail(DeadLetter d, ReplayLog.Replay replay) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : d.headers()) {
            headers.put(header.key(), HeaderValues.printable(header.value()));
        }
        return of(d, replay, Preview.of(d.payload(), Integer.MAX_VALUE), d.reason(), d.stackTrace(), headers);
    }

    private static DeadLetterView of(DeadLetter d, ReplayLog.Replay replay, Preview payload, String reason,
            String stackTrace, Map<String, String> headers) {
        return new DeadLetterView(d.id().toString(), d.id().topic(), d.id().partition(), d.id().offset(), d.timestamp(),
                HeaderValues.printable(d.key()), d.originalTopic(), d.originalPartition(), d.originalOffset(),
                d.originalTimestamp(), reason, d.exceptionClass(), d.rootCause(), stackTrace, d.traceId(),
                d.replayCount(), d.replayedFrom(), payload, replay == null ? "pending" : "replayed",
                replay == null ? null : replay.replayedAt(),
                replay == null ? null : replay.topic() + "-" + replay.partition() + "-" + replay.offset(),
                replay == null ? null : replay.times(), headers);
    }

    static String firstLines(String text, int lines) {
        if (text == null) {
            return null;
        }
        List<String> all = text.lines().toList();
        return all.size() <= lines ? text : String.join("\n", all.subList(0, lines)) + "\n\t...";
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
