package io.akhbar.ingest.feed;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * The subscriptions in memory: a table built from the compacted topic, record by record, from its beginning. A
 * record applies only if its offset is newer than what the table holds for its key, so that the store's own writes
 * (applied at once, for read-your-writes) and the same records arriving later through the topic agree, and a
 * deleted feed stays deleted. Listeners hear of changes only once the topic has been read to its end.
 */
@Component
class FeedRegistry {

    interface Listener {
        void subscribed(FeedSubscription feed);

        void unsubscribed(String id);
    }

    /** @param feed null for a tombstone, kept so that an older record cannot bring the feed back */
    private record Row(FeedSubscription feed, long offset) {
    }

    private final Map<String, Row> rows = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean loaded;

    void listen(Listener listener) {
        listeners.add(listener);
    }

    synchronized void apply(String id, FeedSubscription feed, long offset) {
        Row current = rows.get(id);
        if (current != null && current.offset() >= offset) {
            return;
        }
        rows.put(id, new Row(feed, offset));
        if (!loaded) {
            return;
        }
        FeedSubscription before = current == null ? null : current.feed();
        if (feed == null && before != null) {
            listeners.forEach(listener -> listener.unsubscribed(id));
        } else if (feed != null && !feed.sameSettings(before)) {
            listeners.forEach(listener -> listener.subscribed(feed));
        }
    }

    synchronized void markLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        all().forEach(feed -> listeners.forEach(listener -> listener.subscribed(feed)));
    }

    boolean loaded() {
        return loaded;
    }

    Optional<FeedSubscription> get(String id) {
        Row row = rows.get(id);
        return row == null ? Optional.empty() : Optional.ofNullable(row.feed());
    }

    List<FeedSubscription> all() {
        return rows.values().stream()
                .map(Row::feed)
                .filter(feed -> feed != null)
                .sorted(Comparator.comparing(FeedSubscription::createdAt).thenComparing(FeedSubscription::id))
                .toList();
    }
}
