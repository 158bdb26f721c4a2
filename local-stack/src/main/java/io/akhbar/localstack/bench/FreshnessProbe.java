package io.akhbar.localstack.bench;

import io.akhbar.localstack.BenchSupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures when submitted articles become searchable: every {@link #interval} it asks Elasticsearch, with an
 * {@code ids} query (which, unlike a GET, sees only refreshed documents, as searches do), which of the articles still
 * waiting are visible. An article's freshness is the time from its submission to the first poll that finds it, so
 * the figures are exact to one interval, rounded up.
 */
final class FreshnessProbe implements AutoCloseable {

    static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);
    private static final int MAX_IDS_PER_POLL = 1_000;

    /**
     * @param found   articles seen in the index, with their freshness
     * @param missing articles accepted but not searchable before the probe gave up
     * @param polls   searches the probe sent
     * @param meanPollMillis time between polls: the resolution of the figures, longer than asked when the machine
     *                       is overloaded
     */
    record Result(Latencies.Summary found, int missing, long polls, double meanPollMillis, String lastError) {
    }

    private final Elastic elastic;
    private final String index;
    private final Duration interval;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private final AtomicLong polls = new AtomicLong();
    private final Thread thread;
    private final long started = System.nanoTime();
    private volatile boolean running = true;
    private volatile String lastError;

    FreshnessProbe(Elastic elastic, String index, Duration interval) {
        this.elastic = elastic;
        this.index = index;
        this.interval = interval;
        this.thread = new Thread(this::poll, "akhbar-bench-freshness-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** @param submittedNanos {@link System#nanoTime()} when the article was sent */
    void expect(String id, long submittedNanos) {
        pending.put(id, submittedNanos);
    }

    /** Waits until every expected article was found, or {@code timeout} passed, and stops polling. */
    Result finish(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(interval.toMillis());
        }
        close();
        double meanPollMillis = polls.get() == 0 ? 0 : (System.nanoTime() - started) / 1e6 / polls.get();
        synchronized (latencies) {
            return new Result(Latencies.summarize(List.of(latencies)), pending.size(), polls.get(), meanPollMillis,
                    lastError);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    private void poll() {
        while (running) {
            long started = System.nanoTime();
            if (!pending.isEmpty()) {
                try {
                    pollOnce(started);
                } catch (Exception e) {
                    lastError = e.toString();
                }
            }
            long sleep = interval.toNanos() - (System.nanoTime() - started);
            if (sleep > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void pollOnce(long started) throws Exception {
        List<String> ids = new ArrayList<>();
        Iterator<String> waiting = pending.keySet().iterator();
        while (waiting.hasNext() && ids.size() < MAX_IDS_PER_POLL) {
            ids.add(waiting.next());
        }
        String body = "{\"size\":" + ids.size() + ",\"_source\":false,\"query\":{\"ids\":{\"values\":"
                + JsonText.write(ids) + "}}}";
        BenchHttp.Response response = elastic.search(index, body);
        polls.incrementAndGet();
        if (!response.isSuccessful()) {
            // Before the first document the index may not exist yet: keep waiting.
            lastError = "HTTP " + response.status() + " " + response.excerpt();
            return;
        }
        for (String id : hitIds(response.body())) {
            Long submitted = pending.remove(id);
            if (submitted != null) {
                synchronized (latencies) {
                    latencies.record(started - submitted);
                }
            }
        }
    }

    static List<String> hitIds(String searchResponse) {
        Map<String, Object> response = BenchSupport.parseJsonObject(searchResponse);
        List<String> ids = new ArrayList<>();
        if (response.get("hits") instanceof Map<?, ?> hits && hits.get("hits") instanceof List<?> list) {
            for (Object hit : list) {
                if (hit instanceof Map<?, ?> map && map.get("_id") != null) {
                    ids.add(map.get("_id").toString());
                }
            }
        }
        return ids;
    }
}
