package io.akhbar.ingest.feed;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one feed is doing, kept in memory by the instance that polls it. It is not persisted: after a restart the
 * first poll fetches the whole feed again (no validators are kept either), which restores the publication rate and
 * "silent since" from the entries' own dates; only the last success/error times start over.
 */
final class FeedHealth {

    static final int MAX_KNOWN_ENTRIES = 1_000;
    private static final Duration RATE_WINDOW = Duration.ofDays(7);

    private Instant lastAttemptAt;
    private Instant lastSuccessAt;
    private LastError lastError;
    private int consecutiveFailures;
    private Instant nextPollAt;
    private long articlesPublished;
    /** Entry key to its publication date, or to when this instance first saw it if the feed gives none. */
    private final Map<String, Instant> entryDates = new HashMap<>();

    synchronized void attempted(Instant at) {
        lastAttemptAt = at;
    }

    synchronized void succeeded(Instant at, Map<String, Instant> datesOfEntries, int published) {
        lastSuccessAt = at;
        consecutiveFailures = 0;
        articlesPublished += published;
        datesOfEntries.forEach(entryDates::putIfAbsent);
        if (entryDates.size() > MAX_KNOWN_ENTRIES) {
            List<Map.Entry<String, Instant>> oldestFirst = new ArrayList<>(entryDates.entrySet());
            oldestFirst.sort(Map.Entry.comparingByValue());
            oldestFirst.subList(0, entryDates.size() - MAX_KNOWN_ENTRIES).forEach(e -> entryDates.remove(e.getKey()));
        }
    }

    /** Publishing some entries may have succeeded before the poll failed; they count. */
    synchronized int failed(Instant at, Integer httpStatus, String message, int published) {
        lastError = new LastError(at, httpStatus, message);
        articlesPublished += published;
        return ++consecutiveFailures;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized void nextPollAt(Instant at) {
        nextPollAt = at;
    }

    synchronized View view(Instant now, Duration silentAfter) {
        List<Instant> dates = entryDates.values().stream().sorted().toList();
        Instant lastArticleAt = dates.isEmpty() ? null : dates.get(dates.size() - 1);
        Instant silentSince = silentSince(dates, now, silentAfter);
        String status = lastAttemptAt == null ? "pending"
                : consecutiveFailures > 0 ? "failing"
                : silentSince != null ? "silent"
                : "ok";
        return new View(status, lastAttemptAt, lastSuccessAt, lastError, consecutiveFailures, nextPollAt,
                articlesPublished, articlesPerDay(dates, now), lastArticleAt, silentSince);
    }

    /**
     * A feed that used to publish (two dated entries at least) is silent when its newest entry is older than
     * {@code silentAfter}, or than four of its usual (median) gaps between entries if that is longer: a weekly column
     * is not silent after a day.
     */
    static Instant silentSince(List<Instant> sortedDates, Instant now, Duration silentAfter) {
        if (sortedDates.size() < 2) {
            return null;
        }
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < sortedDates.size(); i++) {
            gaps.add(Duration.between(sortedDates.get(i - 1), sortedDates.get(i)));
        }
        gaps.sort(Comparator.naturalOrder());
        Duration usualGap = gaps.get(gaps.size() / 2);
        Duration threshold = usualGap.multipliedBy(4).compareTo(silentAfter) > 0 ? usualGap.multipliedBy(4) : silentAfter;
        Instant last = sortedDates.get(sortedDates.size() - 1);
        return Duration.between(last, now).compareTo(threshold) > 0 ? last : null;
    }

    /**
     * Entries of the last seven days per day, over the time they actually span (at least a day), so that a new
     * subscription to a busy feed does not report a seventh of its rate.
     */
    static double articlesPerDay(List<Instant> sortedDates, Instant now) {
        Instant windowStart = now.minus(RATE_WINDOW);
        List<Instant> recent = sortedDates.stream().filter(d -> d.isAfter(windowStart) && !d.isAfter(now)).toList();
        if (recent.isEmpty()) {
            return 0;
        }
        Duration span = Duration.between(recent.get(0), now);
        double days = Math.max(1.0, span.toMillis() / (double) Duration.ofDays(1).toMillis());
        return Math.round(recent.size() / days * 10) / 10.0;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LastError(Instant at, Integer httpStatus, String message) {
    }

    /**
     * @param status {@code pending} (not polled yet), {@code ok}, {@code failing} (the last poll failed) or
     *               {@code silent} (polls succeed but the feed stopped publishing)
     */
    record View(String status, Instant lastAttemptAt, Instant lastSuccessAt, LastError lastError,
                int consecutiveFailures, Instant nextPollAt, long articlesPublished, double articlesPerDay,
                Instant lastArticleAt, Instant silentSince) {
    }
}
