package io.akhbar.ingest.feed;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedRegistryTest {

    private final FeedRegistry registry = new FeedRegistry();
    private final List<String> events = new ArrayList<>();

    FeedRegistryTest() {
        registry.listen(new FeedRegistry.Listener() {
            @Override
            public void subscribed(FeedSubscription feed) {
                events.add("+" + feed.id() + " " + feed.pollInterval());
            }

            @Override
            public void unsubscribed(String id) {
                events.add("-" + id);
            }
        });
    }

    @Test
    void replaysQuietlyThenAnnouncesWhatIsLeft() {
        registry.apply("a", feed("a", "PT15M"), 0);
        registry.apply("b", feed("b", "PT15M"), 1);
        registry.apply("a", null, 2);
        assertThat(events).isEmpty();

        registry.markLoaded();

        assertThat(events).containsExactly("+b PT15M");
        assertThat(registry.all()).extracting(FeedSubscription::id).containsExactly("b");
    }

    @Test
    void anOlderRecordNeverOverridesANewerOneNorResurrectsADeletedFeed() {
        registry.markLoaded();
        registry.apply("a", feed("a", "PT15M"), 5);
        registry.apply("a", feed("a", "PT30M"), 6);
        registry.apply("a", feed("a", "PT15M"), 5);
        registry.apply("a", feed("a", "PT30M"), 6);
        registry.apply("a", null, 7);
        registry.apply("a", feed("a", "PT30M"), 6);

        assertThat(events).containsExactly("+a PT15M", "+a PT30M", "-a");
        assertThat(registry.get("a")).isEmpty();
    }

    private static FeedSubscription feed(String id, String interval) {
        Instant now = Instant.parse("2026-01-22T10:00:00Z");
        return new FeedSubscription(1, id, "https://news.example/" + id, "مثال", interval, now, now);
    }
}
