package io.akhbar.search.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Dead letters of every stage: list, inspect, replay. Under /api/v1/admin, which requires an API key. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Tag(name = "admin", description = "Dead letters: list, inspect and replay records that could not be processed")
class DeadLetterController {

    private final DeadLetterStore store;
    private final ReplayLog replayLog;
    private final DeadLetterReplayer replayer;
    private final AdminProperties.DeadLetters settings;
    private final Clock clock;

    DeadLetterController(DeadLetterStore store, ReplayLog replayLog, DeadLetterReplayer replayer,
            AdminProperties properties, Clock clock) {
        this.store = store;
        this.replayLog = replayLog;
        this.replayer = replayer;
        this.settings = properties.deadLetters();
        this.clock = clock;
    }

    /** @param next pass as {@code after} for the following page; absent on the last page */
    record DeadLetterPage(List<String> topics, List<DeadLetterView> items, String next) {
    }

    @GetMapping
    @Operation(summary = "List dead letters",
            description = "Oldest first, topic by topic (in configured order), partition by partition. Each entry has "
                    + "its id, the original topic/partition/offset, the reason, the first stack-trace lines, a payload "
                    + "preview and whether it was replayed. Page on with after=<next>.")
    DeadLetterPage list(
            @Parameter(description = "dead-letter topic(s); default all configured") @RequestParam(required = false) List<String> topic,
            @Parameter(description = "entries per page, 1 to akhbar.admin.dead-letters.max-limit (500)") @RequestParam(required = false) Integer limit,
            @Parameter(description = "the next of the previous page: list what comes after this id") @RequestParam(required = false) String after,
            @Parameter(description = "only dead letters written since: 2026-01-22T10:00:00Z, or a duration ago: PT1H, P1D") @RequestParam(required = false) String since) {
        List<String> topics = topic == null || topic.isEmpty() ? settings.topics()
                : topic.stream().distinct().map(t -> DeadLetterReplayer.knownTopic("topic", t, settings)).toList();
        int size = limit(limit);
        DeadLetterId from = null;
        if (after != null) {
            from = DeadLetterId.parse("after", after);
            if (!topics.contains(from.topic())) {
                throw new InvalidAdminRequestException("after", "'" + after + "' is not on the listed topics");
            }
        }
        DeadLetterStore.Page page = store.page(topics, from, since(since), size);
        Map<String, ReplayLog.Replay> replays = page.items().isEmpty() ? Map.of() : replayLog.current();
        List<DeadLetterView> items = page.items().stream()
                .map(d -> DeadLetterView.summary(d, replays.get(d.id().toString()), settings.previewBytes(),
                        settings.stackTraceLines()))
                .toList();
        return new DeadLetterPage(topics, items, page.next() == null ? null : page.next().toString());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dead letter in full", description = "The whole stack trace, payload and headers.")
    DeadLetterView detail(@Parameter(description = "<topic>-<partition>-<offset>") @PathVariable String id) {
        DeadLetterId parsed = DeadLetterId.parse("id", id);
        DeadLetterReplayer.knownTopic("id", parsed.topic(), settings);
        DeadLetter deadLetter = store.find(parsed).orElseThrow(() -> new DeadLetterNotFoundException(parsed));
        return DeadLetterView.detail(deadLetter, replayLog.current().get(parsed.toString()));
    }

    @PostMapping("/replay")
    @Operation(summary = "Replay dead letters",
            description = "Re-sends each selected record (by ids, or topic with all: true) to its original topic with "
                    + "its key, value and headers, plus akhbar-replayed-from and akhbar-replay-count; each send is "
                    + "acknowledged before the answer. Dead letters are not deleted; the list shows them replayed. "
                    + "A record that fails again becomes a new dead letter. Answers per id: replayed, not-found or "
                    + "failed (with the reason).")
    ReplayResponse replay(@RequestBody ReplayRequest request) {
        return replayer.replay(request);
    }

    private int limit(Integer limit) {
        if (limit == null) {
            return settings.defaultLimit();
        }
        if (limit < 1 || limit > settings.maxLimit()) {
            throw new InvalidAdminRequestException("limit", "must be between 1 and " + settings.maxLimit());
        }
        return limit;
    }

    private Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            if (since.startsWith("P") || since.startsWith("p")) {
                return clock.instant().minus(Duration.parse(since));
            }
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidAdminRequestException("since",
                    "'" + since + "' is neither an instant (2026-01-22T10:00:00Z) nor a duration (PT1H)");
        }
    }
}
