package io.akhbar.search.stream;

import io.akhbar.search.query.LiveQueries.LiveQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One open stream. The watcher only ever puts events into its bounded queue; whoever writes (a sender thread, or the
 * replay thread while it replays) is alone in touching the connection, so that a slow client holds up no one but
 * itself. A subscriber that falls {@code capacity} events behind is closed: it reconnects with the id of the last
 * event it got and loses nothing.
 *
 * <p>Resuming: the subscriber is registered first and buffers the live events, then the replay sends what it missed
 * up to now from the index, then the buffer goes out without the events the replay already sent. The buffer may hold
 * events older than the last replayed one (an article becomes searchable after a later one): they are still sent.
 */
final class Subscriber {

    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);

    /** The connection; called by one thread at a time. */
    interface Sink {
        void ready() throws IOException;

        /** Several events in one write: a burst costs one flush, not one per event. */
        void articles(List<StreamEvent> events) throws IOException;

        void heartbeat() throws IOException;

        void complete();
    }

    /** The missed events, a page at a time. */
    interface Replay {
        /** The next at most {@code size}; fewer means the end. */
        List<StreamEvent> next(int size) throws IOException;
    }

    enum State { PENDING, REPLAYING, LIVE, CLOSED }

    private static final Object READY = new Object();
    private static final Object HEARTBEAT = new Object();
    /** Events written (and flushed) together at most: bounds the time one stream holds a sender thread. */
    private static final int WRITE_BATCH = 100;
    /** Many looks of the watcher: an article searchable at the replay is dispatched at its next look, if at all. */
    private static final long REMEMBER_REPLAYED_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final LiveQuery query;
    private final EventId resumeFrom;
    private final Sink sink;
    private final int capacity;
    private final Executor sender;
    private final Consumer<Subscriber> onClosed;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final ArrayDeque<StreamEvent> buffered = new ArrayDeque<>();
    private State state = State.PENDING;
    /**
     * What the replay sent, kept for a while after going live: the watcher may dispatch an article that was already
     * searchable when the replay read it only after the replay has finished (its look runs on its own schedule), and
     * that event must not reach the client twice. Later dispatches can only be of newer articles.
     */
    private Set<StreamCursor> recentlyReplayed = Set.of();
    private long forgetReplayedAt;
    private boolean writing;
    private boolean closing;
    private boolean overflowed;

    /**
     * @param resumeFrom the id of the last event the client got, or null for a new stream
     * @param onClosed    told once, whatever closed the stream
     */
    Subscriber(LiveQuery query, EventId resumeFrom, Sink sink, int capacity, Executor sender,
            Consumer<Subscriber> onClosed) {
        this.query = query;
        this.resumeFrom = resumeFrom;
        this.sink = sink;
        this.capacity = capacity;
        this.sender = sender;
        this.onClosed = onClosed;
    }

    LiveQuery query() {
        return query;
    }

    boolean resumes() {
        return resumeFrom != null;
    }

    EventId resumeFrom() {
        return resumeFrom;
    }

    synchronized State state() {
        return state;
    }

    synchronized boolean overflowed() {
        return overflowed;
    }

    /** Called by the watcher before it looks for new articles: from now on this subscriber gets them. */
    synchronized void activate() {
        if (state != State.PENDING) {
            return;
        }
        if (resumes()) {
            state = State.REPLAYING;
            writing = true;
        } else {
            state = State.LIVE;
            enqueue(READY);
        }
    }

    /** A live event; never blocks. */
    synchronized void offer(StreamEvent event) {
        if (state == State.REPLAYING) {
            if (buffered.size() >= capacity) {
                overflow();
            } else {
                buffered.add(event);
            }
        } else if (state == State.LIVE) {
            if (!recentlyReplayed.isEmpty() && System.nanoTime() - forgetReplayedAt > 0) {
                recentlyReplayed = Set.of();
            }
            if (!recentlyReplayed.contains(event.cursor())) {
                enqueue(event);
            }
        }
    }

    /** A keep-alive comment, unless something else is about to be written anyway. */
    synchronized void heartbeat() {
        if (state == State.LIVE && queue.isEmpty()) {
            enqueue(HEARTBEAT);
        }
    }

    /** Closes the stream from the server's side; the writer, or a sender thread, completes it. */
    synchronized void close() {
        if (state == State.CLOSED || closing) {
            return;
        }
        closing = true;
        queue.clear();
        buffered.clear();
        if (!writing) {
            writing = true;
            sender.execute(this::write);
        }
    }

    /** The client went away or the container ended the request: nothing more may be written. */
    void closedByContainer() {
        boolean wasOpen;
        synchronized (this) {
            wasOpen = state != State.CLOSED;
            state = State.CLOSED;
            queue.clear();
            buffered.clear();
        }
        if (wasOpen) {
            onClosed.accept(this);
        }
    }

    /**
     * Runs on a replay thread after {@link #activate}: {@code ready}, the missed events, then the buffered live
     * ones that the replay did not already send.
     */
    void replay(Replay replay, int pageSize, int maxReplay) {
        Set<StreamCursor> replayed = new HashSet<>();
        try {
            sink.ready();
            while (!isClosing()) {
                int room = maxReplay - replayed.size();
                if (room <= 0) {
                    // Far behind: the client reconnects from here rather than this connection buffering on.
                    close();
                    break;
                }
                int size = Math.min(pageSize, room);
                List<StreamEvent> page = replay.next(size);
                for (int from = 0; from < page.size() && !isClosing(); from += WRITE_BATCH) {
                    List<StreamEvent> events = page.subList(from, Math.min(page.size(), from + WRITE_BATCH));
                    sink.articles(events);
                    events.forEach(event -> replayed.add(event.cursor()));
                }
                if (page.size() < size) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The client reconnects from its last event and loses nothing; the cause is worth a line for operators.
            log.warn("A resumed stream could not replay what it missed, closing it: {}", e.toString());
            synchronized (this) {
                closing = true;
            }
        }
        goLive(replayed);
        write();
    }

    /** The buffered events in arrival order, without those the replay sent; the writer carries on. */
    private synchronized void goLive(Set<StreamCursor> replayed) {
        if (state != State.REPLAYING) {
            return;
        }
        state = State.LIVE;
        for (StreamEvent event : buffered) {
            if (!replayed.contains(event.cursor())) {
                queue.add(event);
            }
        }
        buffered.clear();
        recentlyReplayed = replayed;
        forgetReplayedAt = System.nanoTime() + REMEMBER_REPLAYED_NANOS;
    }

    private synchronized boolean isClosing() {
        return closing || state == State.CLOSED;
    }

    private void enqueue(Object item) {
        if (closing) {
            return;
        }
        if (queue.size() >= capacity) {
            overflow();
            return;
        }
        queue.add(item);
        if (!writing) {
            writing = true;
            sender.execute(this::write);
        }
    }

    private void overflow() {
        overflowed = true;
        close();
    }

    /** The writer's loop: until the queue is empty, the stream closes or the connection fails. */
    private void write() {
        while (true) {
            Object item;
            List<StreamEvent> events = null;
            synchronized (this) {
                if (state == State.CLOSED) {
                    writing = false;
                    return;
                }
                if (closing) {
                    break;
                }
                item = queue.poll();
                if (item == null) {
                    writing = false;
                    return;
                }
                if (item instanceof StreamEvent first) {
                    events = new ArrayList<>();
                    events.add(first);
                    while (events.size() < WRITE_BATCH && queue.peek() instanceof StreamEvent next) {
                        queue.poll();
                        events.add(next);
                    }
                }
            }
            try {
                if (item == READY) {
                    sink.ready();
                } else if (item == HEARTBEAT) {
                    sink.heartbeat();
                } else {
                    sink.articles(events);
                }
            } catch (IOException | RuntimeException e) {
                break;
            }
        }
        finish();
    }

    private void finish() {
        boolean wasOpen;
        synchronized (this) {
            wasOpen = state != State.CLOSED;
            state = State.CLOSED;
            writing = false;
            queue.clear();
            buffered.clear();
        }
        if (wasOpen) {
            sink.complete();
        }
        if (wasOpen) {
            onClosed.accept(this);
        }
    }
}
