package io.akhbar.ingest.feed;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private final Backoff backoff = new Backoff(Duration.ofHours(6), () -> 0);

    @Test
    void doublesTheIntervalPerConsecutiveFailureUpToTheMaximum() {
        assertThat(backoff.after(INTERVAL, 1, null)).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.after(INTERVAL, 2, null)).isEqualTo(Duration.ofMinutes(60));
        assertThat(backoff.after(INTERVAL, 5, null)).isEqualTo(Duration.ofHours(6));
        assertThat(backoff.after(INTERVAL, 500, null)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void neverPollsSoonerThanTheFeedsOwnInterval() {
        assertThat(backoff.after(Duration.ofHours(12), 3, null)).isEqualTo(Duration.ofHours(12));
        assertThat(backoff.after(INTERVAL, 1, Duration.ofSeconds(30))).isEqualTo(INTERVAL);
    }

    @Test
    void honoursRetryAfterUpToADay() {
        assertThat(backoff.after(INTERVAL, 1, Duration.ofHours(2))).isEqualTo(Duration.ofHours(2));
        assertThat(backoff.after(INTERVAL, 1, Duration.ofHours(10))).as("beyond the maximum backoff")
                .isEqualTo(Duration.ofHours(10));
        assertThat(backoff.after(INTERVAL, 1, Duration.ofDays(30))).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void jitterAddsAtMostATenth() {
        Backoff jittery = new Backoff(Duration.ofHours(6), () -> 0.999);

        assertThat(jittery.after(INTERVAL, 1, null)).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(33));
    }

    @Test
    void parsesRetryAfterSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-01-22T10:00:00Z");

        assertThat(Backoff.parseRetryAfter("120", now)).contains(Duration.ofSeconds(120));
        assertThat(Backoff.parseRetryAfter("Thu, 22 Jan 2026 11:30:00 GMT", now)).contains(Duration.ofMinutes(90));
        assertThat(Backoff.parseRetryAfter("Thu, 22 Jan 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(Backoff.parseRetryAfter("99999999999999999999999", now)).contains(Backoff.RETRY_AFTER_CAP);
        assertThat(Backoff.parseRetryAfter("soon", now)).isEmpty();
        assertThat(Backoff.parseRetryAfter(null, now)).isEmpty();
    }
}
