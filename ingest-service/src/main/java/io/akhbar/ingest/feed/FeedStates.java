package io.akhbar.ingest.feed;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Per-feed poll state and health, for the feeds this instance polls. */
@Component
class FeedStates {

    private final Map<String, FeedState> states = new ConcurrentHashMap<>();

    FeedState of(String id) {
        return states.computeIfAbsent(id, ignored -> new FeedState());
    }

    Optional<FeedState> find(String id) {
        return Optional.ofNullable(states.get(id));
    }

    void remove(String id) {
        states.remove(id);
    }
}
