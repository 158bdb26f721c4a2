package io.akhbar.ingest.feed;

import org.springframework.util.unit.DataSize;

import java.time.Duration;

final class TestFeedProperties {

    private TestFeedProperties() {
    }

    /** As in application.yml, but for a server on 127.0.0.1 that may be hit without politeness pauses. */
    static FeedProperties local() {
        return new FeedProperties(true, "feeds.subscriptions", "127.0.0.1:9092", (short) 1,
                Duration.ofMinutes(15), Duration.ofSeconds(1), 2, Duration.ZERO, Duration.ofSeconds(5),
                Duration.ofSeconds(10), DataSize.ofMegabytes(5), DataSize.ofMegabytes(2), true, 30,
                Duration.ofHours(6), Duration.ofDays(1), true, "Akhbar-test", "feeds.health", Duration.ofMinutes(5));
    }
}
