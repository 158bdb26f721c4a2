package io.akhbar.ingest.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to poll a feed again after it failed: never sooner than its own interval, doubling per consecutive failure up
 * to a maximum, and never sooner than the server's Retry-After (honoured up to a day, so that a bogus value cannot
 * silence a feed for good). Up to 10% jitter keeps feeds that failed together from retrying together.
 */
final class Backoff {

    static final Duration RETRY_AFTER_CAP = Duration.ofDays(1);

    private final Duration maxBackoff;
    private final DoubleSupplier random;

    Backoff(Duration maxBackoff, DoubleSupplier random) {
        this.maxBackoff = maxBackoff;
        this.random = random;
    }

    Duration after(Duration pollInterval, int consecutiveFailures, Duration retryAfter) {
        Duration ceiling = pollInterval.compareTo(maxBackoff) > 0 ? pollInterval : maxBackoff;
        Duration delay;
        if (retryAfter != null) {
            Duration honoured = retryAfter.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : retryAfter;
            delay = honoured.compareTo(pollInterval) > 0 ? honoured : pollInterval;
        } else {
            int doublings = Math.min(Math.max(consecutiveFailures, 0), 20);
            delay = pollInterval.multipliedBy(1L << doublings);
            if (delay.compareTo(ceiling) > 0) {
                delay = ceiling;
            }
        }
        long jitterMillis = (long) (delay.toMillis() * 0.1 * random.getAsDouble());
        return delay.plusMillis(jitterMillis);
    }

    /** Retry-After is either delta-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException tooLong) {
                return Optional.of(RETRY_AFTER_CAP);
            }
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
