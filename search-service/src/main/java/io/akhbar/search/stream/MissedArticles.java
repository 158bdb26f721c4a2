package io.akhbar.search.stream;

import io.akhbar.search.query.LiveQueries.LiveQuery;
import io.akhbar.search.stream.StreamSearches.Found;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a resuming client missed, page by page. First, within the look-back before its last event, the articles
 * beyond its frontier: another writer's older bulk that became searchable after that event. Then everything after the
 * event in stream order. Each event carries the frontier moved past the articles sent with and before it, so that a
 * client cut off in the middle of the replay resumes from there as safely.
 */
final class MissedArticles implements Subscriber.Replay {

    private final StreamSearches searches;
    private final LiveQuery query;
    private final StreamCursor lastEvent;
    private final long lookBackMillis;
    /** Null when the client's event id had none: then only what comes after its last event is sent. */
    private Frontier frontier;
    private boolean lateDone;
    private StreamCursor latePageAfter;
    private StreamCursor after;

    MissedArticles(StreamSearches searches, LiveQuery query, EventId resumeFrom, long lookBackMillis) {
        this.searches = searches;
        this.query = query;
        this.lastEvent = resumeFrom.after();
        this.frontier = resumeFrom.frontier();
        this.lookBackMillis = lookBackMillis;
        this.lateDone = frontier == null;
        this.after = lastEvent;
    }

    @Override
    public List<StreamEvent> next(int size) throws IOException {
        List<StreamEvent> page = new ArrayList<>(size);
        while (!lateDone && page.size() < size) {
            int want = size - page.size();
            List<Found> late = searches.beyond(query, lastEvent, frontier, lastEvent.indexedAt() - lookBackMillis,
                    latePageAfter, want);
            for (Found article : late) {
                // After the last event in stream order: the second part sends it.
                if (article.indexed().cursor().compareTo(lastEvent) <= 0) {
                    frontier = article.indexed().advance(frontier);
                    // The client's place in stream order has not moved: only its frontier has.
                    page.add(article.event(new EventId(lastEvent, frontier)));
                }
            }
            if (late.size() < want) {
                lateDone = true;
            } else {
                latePageAfter = late.get(late.size() - 1).indexed().cursor();
            }
        }
        if (page.size() < size) {
            for (Found article : searches.after(query, after, size - page.size())) {
                if (frontier != null) {
                    frontier = article.indexed().advance(frontier);
                }
                after = article.indexed().cursor();
                page.add(article.event(new EventId(after, frontier)));
            }
        }
        return page;
    }
}
