package io.akhbar.ingest.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Politeness: at most one request per host per interval, whichever feed or page it is for. Callers reserve the next
 * free slot of the host and wait for it, so concurrent pollers queue up instead of bursting.
 */
final class HostThrottle {

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Instant> nextSlot = new HashMap<>();

    HostThrottle(Duration interval, Clock clock, Sleeper sleeper) {
        this.interval = interval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    void acquire(String host) throws InterruptedException {
        Duration wait = reserve(host.toLowerCase(Locale.ROOT));
        if (!wait.isZero() && !wait.isNegative()) {
            sleeper.sleep(wait);
        }
    }

    private synchronized Duration reserve(String host) {
        Instant now = clock.instant();
        if (nextSlot.size() > 10_000) {
            nextSlot.values().removeIf(slot -> slot.isBefore(now));
        }
        Instant free = nextSlot.getOrDefault(host, now);
        Instant slot = free.isAfter(now) ? free : now;
        nextSlot.put(host, slot.plus(interval));
        return Duration.between(now, slot);
    }
}
