package io.akhbar.e2e.faults;

import io.akhbar.localstack.LocalStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of {@code POST /api/v1/articles:batch} as a well-behaved producer writes it: it sends batches at a steady
 * pace, resends whatever was not acknowledged ({@code failed} items, whole batches answered 503 or 429, connection
 * errors) with growing pauses, and counts an article as acked only from a 2xx per-item {@code accepted} or
 * {@code duplicate}. It runs until every article is acked or its deadline passes.
 */
final class BatchIngester implements Runnable {

    record Unavailable(long startedMillis, long tookMillis, String contentType) {
    }

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String batchUrl;
    private final String apiKey;
    private final List<String> articles;
    private final int batchSize;
    private final Duration pace;
    private final long deadlineNanos;

    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final List<Unavailable> unavailable = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong resentItems = new AtomicLong();
    private volatile boolean done;
    private volatile Throwable crashed;

    /** @param articles one JSON object per article, each with its own URL */
    BatchIngester(String ingestUrl, String apiKey, List<String> articles, int batchSize, Duration pace,
                  Duration deadline) {
        this.batchUrl = ingestUrl + "/api/v1/articles:batch";
        this.apiKey = apiKey;
        this.articles = List.copyOf(articles);
        this.batchSize = batchSize;
        this.pace = pace;
        this.deadlineNanos = System.nanoTime() + deadline.toNanos();
    }

    Thread startInBackground(String name) {
        Thread thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try {
            Deque<Integer> pending = new ArrayDeque<>();
            for (int i = 0; i < articles.size(); i++) {
                pending.add(i);
            }
            Duration backoff = Duration.ZERO;
            while (!pending.isEmpty() && System.nanoTime() < deadlineNanos) {
                List<Integer> batch = new ArrayList<>();
                while (batch.size() < batchSize && !pending.isEmpty()) {
                    batch.add(pending.poll());
                }
                List<Integer> notAcked = send(batch);
                if (notAcked.isEmpty()) {
                    backoff = Duration.ZERO;
                    pause(pace);
                } else {
                    // Back at the front, so that a resent batch keeps its order; pause longer each time in a row.
                    resentItems.addAndGet(notAcked.size());
                    for (int i = notAcked.size() - 1; i >= 0; i--) {
                        pending.addFirst(notAcked.get(i));
                    }
                    backoff = backoff.isZero() ? Duration.ofMillis(250) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                    pause(backoff);
                }
            }
        } catch (Throwable e) {
            crashed = e;
        } finally {
            done = true;
        }
    }

    /** @return the indexes of the articles of this batch that were not acked */
    private List<Integer> send(List<Integer> batch) throws InterruptedException {
        StringBuilder body = new StringBuilder();
        batch.forEach(index -> body.append(articles.get(index)).append('\n'));
        long started = System.currentTimeMillis();
        long startedNanos = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(batchUrl))
                            .header("Content-Type", "application/x-ndjson")
                            .header(LocalStack.API_KEY_HEADER, apiKey)
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            statuses.computeIfAbsent(-1, ignored -> new AtomicLong()).incrementAndGet();
            return batch;
        }
        long tookMillis = (System.nanoTime() - startedNanos) / 1_000_000;
        statuses.computeIfAbsent(response.statusCode(), ignored -> new AtomicLong()).incrementAndGet();
        if (response.statusCode() == 503) {
            unavailable.add(new Unavailable(started, tookMillis,
                    response.headers().firstValue("Content-Type").orElse("")));
            return batch;
        }
        if (response.statusCode() != 200) {
            return batch;
        }
        List<Integer> notAcked = new ArrayList<>();
        JsonNode results = json.readTree(response.body()).path("results");
        for (JsonNode result : results) {
            int index = batch.get(result.path("index").asInt());
            String status = result.path("status").asString();
            switch (status) {
                case "accepted", "duplicate" -> acked.add(result.path("id").asString());
                case "failed" -> notAcked.add(index);
                default -> rejected.add(articles.get(index) + " -> " + result);
            }
        }
        return notAcked;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void pause(Duration duration) throws InterruptedException {
        // A load generator's pacing, not a wait for a condition.
        Thread.sleep(duration.toMillis());
    }

    int ackedCount() {
        return acked.size();
    }

    Set<String> acked() {
        return Collections.unmodifiableSet(acked);
    }

    boolean done() {
        return done;
    }

    Throwable crashed() {
        return crashed;
    }

    List<Unavailable> unavailable() {
        return List.copyOf(unavailable);
    }

    List<String> rejected() {
        return List.copyOf(rejected);
    }

    long resentItems() {
        return resentItems.get();
    }

    Map<Integer, AtomicLong> statuses() {
        return Map.copyOf(statuses);
    }
}
