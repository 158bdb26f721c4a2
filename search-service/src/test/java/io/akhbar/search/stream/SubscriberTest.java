package io.akhbar.search.stream;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.akhbar.search.query.LiveQueries.LiveQuery;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriberTest {

    private static final LiveQuery QUERY = new LiveQuery("k", Query.of(q -> q.matchAll(m -> m)));

    /** Runs the sender's tasks only when the test says so, as a busy sender thread would. */
    private final Queue<Runnable> senderTasks = new ArrayDeque<>();
    private final Executor sender = senderTasks::add;
    private final RecordingSink sink = new RecordingSink();
    private final List<Subscriber> closed = new ArrayList<>();

    @Test
    void aNewStreamStartsWithReadyThenTheLiveEventsInOrder() {
        Subscriber subscriber = subscriber(null, 10);
        subscriber.offer(event(1, "too-early"));
        subscriber.activate();
        subscriber.offer(event(2, "a"));
        subscriber.offer(event(3, "b"));
        subscriber.heartbeat();
        runSender();
        subscriber.heartbeat();
        runSender();

        assertThat(sink.written()).containsExactly("ready", "a", "b", "keep-alive");
        assertThat(senderTasks).isEmpty();
    }

    @Test
    void aResumeSendsTheMissedEventsThenTheBufferedOnesThatTheReplayDidNotSend() {
        Subscriber subscriber = subscriber(new StreamCursor(100, 0, "last"), 10);
        subscriber.activate();
        assertThat(subscriber.state()).isEqualTo(Subscriber.State.REPLAYING);
        // Live events arrive while the replay reads the index: two it will also find, one that became searchable late
        // with an older indexedAt, one after the replay's last page.
        subscriber.offer(event(102, "r2"));
        subscriber.offer(event(101, "late"));
        subscriber.offer(event(103, "r3"));
        subscriber.offer(event(104, "new"));
        List<Integer> asked = new ArrayList<>();
        Queue<List<StreamEvent>> pages = new ArrayDeque<>(List.of(
                List.of(event(100, "r0"), event(101, "r1")),
                List.of(event(102, "r2"), event(103, "r3")),
                List.of()));

        subscriber.replay(size -> {
            asked.add(size);
            return pages.remove();
        }, 2, 100);
        runSender();

        assertThat(asked).containsExactly(2, 2, 2);
        assertThat(sink.written()).containsExactly("ready", "r0", "r1", "r2", "r3", "late", "new");
        assertThat(subscriber.state()).isEqualTo(Subscriber.State.LIVE);
        subscriber.offer(event(105, "after"));
        runSender();
        assertThat(sink.written()).endsWith("new", "after");
    }

    @Test
    void anArticleTheReplaySentIsNotSentAgainWhenTheWatcherDispatchesItLate() {
        Subscriber subscriber = subscriber(new StreamCursor(100, 0, "last"), 10);
        subscriber.activate();
        Queue<List<StreamEvent>> pages = new ArrayDeque<>(List.of(
                List.of(event(101, "missed-a"), event(101, "missed-b"))));
        subscriber.replay(size -> pages.isEmpty() ? List.of() : pages.remove(), 10, 100);
        assertThat(subscriber.state()).isEqualTo(Subscriber.State.LIVE);

        // The watcher's look that finds them runs after the replay: one of them, then a new article.
        subscriber.offer(event(101, "missed-b"));
        subscriber.offer(event(102, "new"));
        runSender();

        assertThat(sink.written()).containsExactly("ready", "missed-a", "missed-b", "new");
    }

    @Test
    void aResumeFarBehindStopsAfterTheReplayLimitSoThatTheClientReconnectsFromThere() {
        Subscriber subscriber = subscriber(new StreamCursor(100, 0, "last"), 10);
        subscriber.activate();

        long[] last = {100};
        subscriber.replay(size -> {
            List<StreamEvent> page = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                last[0]++;
                page.add(event(last[0], "e" + last[0]));
            }
            return page;
        }, 2, 4);

        assertThat(sink.written()).containsExactly("ready", "e101", "e102", "e103", "e104", "complete");
        assertThat(closed).containsExactly(subscriber);
    }

    @Test
    void aSubscriberThatFallsBehindIsClosedWithoutHoldingUpTheCaller() {
        Subscriber subscriber = subscriber(null, 3);
        subscriber.activate();
        for (int i = 0; i < 5; i++) {
            subscriber.offer(event(i, "e" + i));
        }

        assertThat(subscriber.overflowed()).isTrue();
        runSender();
        assertThat(sink.written()).containsExactly("complete");
        assertThat(subscriber.state()).isEqualTo(Subscriber.State.CLOSED);
        assertThat(closed).containsExactly(subscriber);
        subscriber.offer(event(9, "ignored"));
        runSender();
        assertThat(sink.written()).containsExactly("complete");
    }

    @Test
    void theLiveBufferOfAResumeIsBoundedToo() {
        Subscriber subscriber = subscriber(new StreamCursor(100, 0, "last"), 2);
        subscriber.activate();
        for (int i = 0; i < 3; i++) {
            subscriber.offer(event(200 + i, "e" + i));
        }

        subscriber.replay(size -> List.of(event(150, "missed")), 10, 100);

        assertThat(subscriber.overflowed()).isTrue();
        assertThat(sink.written()).containsExactly("ready", "complete");
    }

    @Test
    void aBrokenConnectionEndsTheStreamOnce() {
        Subscriber subscriber = subscriber(null, 10);
        subscriber.activate();
        runSender();
        sink.failing = true;
        subscriber.offer(event(1, "a"));
        runSender();
        subscriber.closedByContainer();

        assertThat(subscriber.state()).isEqualTo(Subscriber.State.CLOSED);
        assertThat(closed).containsExactly(subscriber);
        assertThat(subscriber.overflowed()).isFalse();
    }

    @Test
    void theContainerClosingTheStreamStopsTheWriter() {
        Subscriber subscriber = subscriber(null, 10);
        subscriber.activate();
        subscriber.offer(event(1, "a"));
        subscriber.closedByContainer();
        runSender();

        assertThat(sink.written()).isEmpty();
        assertThat(closed).containsExactly(subscriber);
    }

    private Subscriber subscriber(StreamCursor resumeAfter, int capacity) {
        return new Subscriber(QUERY, resumeAfter == null ? null : new EventId(resumeAfter, null), sink, capacity,
                sender, closed::add);
    }

    private void runSender() {
        Runnable task;
        while ((task = senderTasks.poll()) != null) {
            task.run();
        }
    }

    private static StreamEvent event(long indexedAt, String id) {
        StreamCursor cursor = new StreamCursor(indexedAt, 0, id);
        return new StreamEvent(cursor, new EventId(cursor, Frontier.NONE), "{}");
    }
}
