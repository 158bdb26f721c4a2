package io.akhbar.search.stream;

import java.util.List;

/**
 * Events that go to one stream together: {@link EventBurstConverter} writes their frames one after the other and
 * flushes once, where a converter per event would flush each, and one array of them all would copy every frame.
 */
record EventBurst(List<StreamEvent> events) {

    EventBurst {
        events = List.copyOf(events);
    }
}
