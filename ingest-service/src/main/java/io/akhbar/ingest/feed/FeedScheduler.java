package io.akhbar.ingest.feed;

import io.akhbar.contracts.PipelineLog;
import io.akhbar.ingest.submission.TraceIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls every subscribed feed on a bounded pool: each feed is a chain of one-shot tasks, each scheduling the next
 * after its poll with the delay the poll asked for (the interval, or a backoff). A new chain replaces the old one when
 * a subscription changes; a removed feed's chain ends at its next step, even if a poll is running then.
 */
@Component
class FeedScheduler implements FeedRegistry.Listener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);
    static final String FEED_ID = "feed.id";

    private final FeedRegistry registry;
    private final FeedStates states;
    private final FeedPoller poller;
    private final FeedHealthPublisher healthPublisher;
    private final Duration silentAfter;
    private final Backoff backoff;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;
    private final Map<String, Chain> chains = new ConcurrentHashMap<>();

    FeedScheduler(FeedRegistry registry, FeedStates states, FeedPoller poller, FeedHealthPublisher healthPublisher,
            FeedProperties properties, Clock clock) {
        this.registry = registry;
        this.states = states;
        this.poller = poller;
        this.healthPublisher = healthPublisher;
        this.silentAfter = properties.silentAfter();
        this.backoff = new Backoff(properties.maxBackoff(), () -> 0);
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(properties.pollerThreads(), task -> {
            Thread thread = new Thread(task, "akhbar-feed-poller-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        if (properties.pollingEnabled()) {
            registry.listen(this);
        }
    }

    @Override
    public synchronized void subscribed(FeedSubscription feed) {
        Chain previous = chains.put(feed.id(), new Chain());
        if (previous != null) {
            previous.cancel();
        }
        schedule(feed.id(), chains.get(feed.id()), Duration.ZERO);
    }

    @Override
    public synchronized void unsubscribed(String id) {
        Chain chain = chains.remove(id);
        if (chain != null) {
            chain.cancel();
        }
        states.remove(id);
        healthPublisher.removed(id);
    }

    private void schedule(String id, Chain chain, Duration delay) {
        if (executor.isShutdown()) {
            return;
        }
        states.of(id).health.nextPollAt(clock.instant().plus(delay));
        chain.next = executor.schedule(() -> run(id, chain), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(String id, Chain chain) {
        Optional<FeedSubscription> feed = registry.get(id);
        if (chains.get(id) != chain || feed.isEmpty()) {
            return;
        }
        FeedState state = states.of(id);
        Duration delay;
        // One trace per poll: the articles it publishes and every line logged meanwhile carry it.
        MDC.put(PipelineLog.TRACE_ID, TraceIds.generate());
        MDC.put(FEED_ID, id);
        // One poll per feed at a time, also when a changed subscription starts a new chain during a poll.
        synchronized (state) {
            try {
                delay = poller.poll(feed.get(), state);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Polling feed {} failed unexpectedly", id, e);
                int failures = state.health.failed(clock.instant(), null, "internal error: " + e, 0);
                delay = backoff.after(feed.get().interval(), failures, null);
            } finally {
                MDC.remove(PipelineLog.TRACE_ID);
                MDC.remove(FEED_ID);
            }
            healthPublisher.report(feed.get(), state.health.view(clock.instant(), silentAfter));
        }
        synchronized (this) {
            if (chains.get(id) == chain) {
                schedule(id, chain, delay);
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    private static final class Chain {
        volatile ScheduledFuture<?> next;

        void cancel() {
            ScheduledFuture<?> future = next;
            if (future != null) {
                future.cancel(false);
            }
        }
    }
}
