package io.akhbar.search.stream;

import io.akhbar.search.query.LiveQueries.LiveQuery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live stream of one instance. Elasticsearch is the source of truth, so that any instance can serve any client:
 * one watcher thread looks every {@code poll-interval} for articles indexed since a little before the newest it saw
 * (sort values only), and when there are new ones asks, in one msearch, which of them each distinct query matches.
 * Each event's id carries the {@link Frontier} of the streams up to it, so that a client can resume from it on any
 * instance. The events go into the subscribers' bounded queues; sender threads write them. Nothing here runs on the
 * indexing consumer's thread, and the watcher only looks while someone is subscribed.
 */
@Component
class ArticleStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ArticleStream.class);
    /** Caps one look; a larger backlog is worked through over the next looks. */
    private static final int MAX_PER_LOOK = 20_000;
    /**
     * Articles per request when looking: Elasticsearch's default {@code index.max_result_window}. Every look reads
     * the whole look-back window again (thousands of articles under load), and every further page of it cost another
     * request that sorted the whole window again.
     */
    private static final int LOOK_PAGE = 10_000;
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final StreamSearches searches;
    private final StreamProperties properties;
    private final Clock clock;
    private final Subscribers subscribers;
    private final RecentlySeen seen;
    private final RecentDocuments recent;
    private final Counter events;
    private final Counter overflows;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            threads("akhbar-stream-watcher"));
    private final ExecutorService senders;
    private final ExecutorService replays;
    /** Only the watcher thread reads and writes these. */
    private boolean primed;
    /** How far the streams have got in each partition; what the next event's frontier starts from. */
    private Frontier streamed = Frontier.NONE;
    private long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;
    private volatile boolean running;

    ArticleStream(StreamSearches searches, RecentDocuments recent, StreamProperties properties, Clock clock,
            MeterRegistry meters) {
        this.searches = searches;
        this.recent = recent;
        this.properties = properties;
        this.clock = clock;
        this.subscribers = new Subscribers(properties.maxSubscribers());
        this.seen = new RecentlySeen(properties.lookBack().toMillis());
        this.senders = writers(properties.senderThreads(), properties.maxSubscribers(), "akhbar-stream-sender");
        this.replays = writers(properties.replayThreads(), properties.maxSubscribers(), "akhbar-stream-replay");
        this.events = Counter.builder("akhbar.stream.events").description("Article events sent to stream subscribers")
                .register(meters);
        this.overflows = Counter.builder("akhbar.stream.overflows")
                .description("Streams closed because their client fell too far behind").register(meters);
        Gauge.builder("akhbar.stream.subscribers", subscribers, Subscribers::size)
                .description("Open streams").register(meters);
    }

    @Override
    public void start() {
        running = true;
        long poll = properties.pollInterval().toMillis();
        long heartbeat = properties.heartbeat().toMillis();
        watcher.scheduleWithFixedDelay(this::look, poll, poll, TimeUnit.MILLISECONDS);
        watcher.scheduleAtFixedRate(() -> subscribers.all().forEach(Subscriber::heartbeat), heartbeat, heartbeat,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Registers a stream; its {@code ready} event follows once the watcher has taken it in.
     *
     * @param resumeFrom the id of the last event the client got, or null
     * @throws TooManySubscribersException when {@code max-subscribers} streams are open
     */
    SseEmitter open(LiveQuery query, EventId resumeFrom) {
        SseEmitter emitter = new SseEmitter(properties.maxConnection().toMillis());
        Subscriber subscriber = new Subscriber(query, resumeFrom, new SseSink(emitter, events),
                properties.queueCapacity(), senders, this::closed);
        if (!subscribers.register(subscriber)) {
            throw new TooManySubscribersException(properties.maxSubscribers());
        }
        emitter.onCompletion(subscriber::closedByContainer);
        emitter.onError(error -> subscriber.closedByContainer());
        emitter.onTimeout(() -> {
            // The end of max-connection: the client reconnects with Last-Event-ID.
            subscriber.closedByContainer();
            emitter.complete();
        });
        return emitter;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private void closed(Subscriber subscriber) {
        subscribers.remove(subscriber);
        if (subscriber.overflowed()) {
            overflows.increment();
        }
    }

    /** One look, on the watcher thread. */
    private void look() {
        try {
            recent.want(!subscribers.isEmpty());
            if (subscribers.isEmpty()) {
                primed = false;
                seen.clear();
                streamed = Frontier.NONE;
                return;
            }
            if (!primed) {
                // What is searchable now is not news: only what appears from here on is sent.
                for (Indexed article : seen.add(indexedLately(true), Indexed::cursor)) {
                    streamed = article.advance(streamed);
                }
                primed = true;
            }
            for (Subscriber subscriber : subscribers.activatePending()) {
                subscriber.activate();
                if (subscriber.resumes()) {
                    MissedArticles missed = new MissedArticles(searches, subscriber.query(), subscriber.resumeFrom(),
                            properties.lookBack().toMillis());
                    replays.execute(() -> subscriber.replay(missed, properties.pageSize(), properties.maxReplay()));
                }
            }
            List<Indexed> fresh = seen.add(indexedLately(false), Indexed::cursor);
            if (!fresh.isEmpty()) {
                dispatch(fresh);
            }
        } catch (IOException | RuntimeException e) {
            long now = System.nanoTime();
            if (now - lastWarning >= WARN_EVERY_NANOS) {
                lastWarning = now;
                log.warn("The live stream cannot look for new articles (retrying every {} ms): {}",
                        properties.pollInterval().toMillis(), e.toString());
            }
        }
    }

    private List<Indexed> indexedLately(boolean withKafkaPlaces) throws IOException {
        return searches.indexedSince(seen.windowStart(clock.millis()), LOOK_PAGE, MAX_PER_LOOK,
                withKafkaPlaces);
    }

    /**
     * Sends each group the fresh articles its query matches, a chunk at a time. A chunk that fails is forgotten, with
     * those after it, so that the next look finds them again.
     */
    private void dispatch(List<Indexed> fresh) throws IOException {
        List<Subscribers.Group> groups = subscribers.groups();
        if (groups.isEmpty()) {
            return;
        }
        List<LiveQuery> queries = groups.stream().map(Subscribers.Group::query).toList();
        for (int from = 0; from < fresh.size(); from += properties.pageSize()) {
            List<Indexed> chunk = fresh.subList(from, Math.min(fresh.size(), from + properties.pageSize()));
            StreamSearches.Matched matched;
            try {
                matched = searches.matching(queries, chunk, streamed);
            } catch (IOException | RuntimeException e) {
                seen.forget(fresh.subList(from, fresh.size()).stream().map(Indexed::cursor).toList());
                throw e;
            }
            streamed = matched.frontier();
            for (int g = 0; g < groups.size(); g++) {
                List<StreamEvent> groupEvents = matched.byQuery().get(g);
                if (!groupEvents.isEmpty()) {
                    groups.get(g).members().forEach(member -> groupEvents.forEach(member::offer));
                }
            }
        }
    }

    /**
     * Ends every stream before the web server's graceful shutdown (a lower phase) waits for open requests; clients
     * reconnect elsewhere with their Last-Event-ID.
     */
    @Override
    public void stop() {
        running = false;
        watcher.shutdownNow();
        List<Subscriber> open = new ArrayList<>(subscribers.all());
        open.forEach(Subscriber::close);
        senders.shutdown();
        replays.shutdownNow();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    /**
     * Threads that write to clients. A write blocks while its client does not read (with one thread, StreamIT's
     * stalled client still held up the other stream after a minute), so with a fixed number of threads a few stalled
     * clients (phones in a tunnel) would hold up every stream. Beyond the {@code ready} threads kept, each stream
     * being written to gets a thread of its own; a stream has at most one write in progress, so there are never many
     * more threads than open streams.
     */
    private static ExecutorService writers(int ready, int maxSubscribers, String name) {
        return new ThreadPoolExecutor(ready, ready + maxSubscribers, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threads(name));
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
