package io.akhbar.ingest.feed;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostThrottleTest {

    private final List<Duration> waits = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-22T10:00:00Z");
    private final HostThrottle throttle = new HostThrottle(Duration.ofSeconds(2),
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            },
            waits::add);

    @Test
    void requestsToOneHostAreSpacedByTheIntervalAndOtherHostsDoNotWait() throws Exception {
        throttle.acquire("news.example");
        throttle.acquire("NEWS.example");
        throttle.acquire("news.example");
        throttle.acquire("other.example");

        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aHostThatWasQuietLongEnoughIsNotDelayed() throws Exception {
        throttle.acquire("news.example");
        now = now.plusSeconds(3);
        throttle.acquire("news.example");
        now = now.plusSeconds(1);
        throttle.acquire("news.example");

        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }
}
