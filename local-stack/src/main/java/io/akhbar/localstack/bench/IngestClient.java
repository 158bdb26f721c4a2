package io.akhbar.localstack.bench;

import io.akhbar.localstack.BenchSupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Submits articles to ingest-service: batches of NDJSON, or single articles where there is no batch endpoint. */
final class IngestClient {

    static final String BATCH_PATH = "/api/v1/articles:batch";
    static final String SINGLE_PATH = "/api/v1/articles";
    /** Concurrent single POSTs when there is no batch endpoint: each waits for its Kafka acknowledgement. */
    static final int SINGLE_CONCURRENCY = 8;
    private static final int MAX_ATTEMPTS = 60;

    /**
     * @param accepted articles acknowledged by Kafka
     * @param refused  articles not accepted (rejected, failed, duplicate)
     * @param started  {@link System#nanoTime()} before the first request
     * @param finished {@link System#nanoTime()} after the last answer
     * @param retries  requests sent again after a 429 or 503
     */
    record Submission(long accepted, long refused, long started, long finished, long retries) {
        double perSecond() {
            return accepted / ((finished - started) / 1e9);
        }
    }

    private final BenchHttp http;
    private final String url;

    IngestClient(BenchHttp http, String ingestUrl) {
        this.http = http;
        this.url = ingestUrl;
    }

    /**
     * An empty batch is answered 400 by the batch endpoint and 404 (or 405) where there is none; it publishes
     * nothing either way.
     */
    boolean supportsBatches() throws IOException, InterruptedException {
        int status = http.post(url + BATCH_PATH, Elastic.NDJSON, "").status();
        return status != 404 && status != 405;
    }

    /** NDJSON bodies of {@code batchSize} articles each. */
    static List<byte[]> ndjsonBatches(List<String> articleJson, int batchSize) {
        List<byte[]> batches = new ArrayList<>();
        for (int from = 0; from < articleJson.size(); from += batchSize) {
            List<String> lines = articleJson.subList(from, Math.min(articleJson.size(), from + batchSize));
            batches.add((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return batches;
    }

    /** Sends every batch, {@code senders} at a time, and returns once each was answered. */
    Submission submitBatches(List<byte[]> batches, int senders) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        long started = System.nanoTime();
        Parallel.run(senders, "akhbar-bench-batch-", worker -> {
            int index;
            while ((index = next.getAndIncrement()) < batches.size()) {
                BenchHttp.Response response = sendWithRetries(url + BATCH_PATH, Elastic.NDJSON, batches.get(index),
                        retries);
                Map<String, Object> answer = BenchSupport.parseJsonObject(response.body());
                long items = ((Number) answer.get("items")).longValue();
                long ok = ((Number) answer.get("accepted")).longValue();
                accepted.addAndGet(ok);
                refused.addAndGet(items - ok);
            }
        });
        return new Submission(accepted.get(), refused.get(), started, System.nanoTime(), retries.get());
    }

    /** The fallback: one article per request, {@link #SINGLE_CONCURRENCY} requests at a time. */
    Submission submitSingles(List<String> articleJson) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        long started = System.nanoTime();
        Parallel.run(SINGLE_CONCURRENCY, "akhbar-bench-single-", worker -> {
            int index;
            while ((index = next.getAndIncrement()) < articleJson.size()) {
                sendWithRetries(url + SINGLE_PATH, Elastic.JSON,
                        articleJson.get(index).getBytes(StandardCharsets.UTF_8), retries);
                accepted.incrementAndGet();
            }
        });
        return new Submission(accepted.get(), articleJson.size() - accepted.get(), started, System.nanoTime(),
                retries.get());
    }

    /** One article, answered 202 once Kafka has it; the answer holds its id. */
    CompletableFuture<BenchHttp.Response> submitAsync(String articleJson) {
        return http.postAsync(url + SINGLE_PATH, Elastic.JSON, articleJson);
    }

    private BenchHttp.Response sendWithRetries(String target, String contentType, byte[] body, AtomicLong retries)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            BenchHttp.Response response = http.post(target, contentType, body);
            if (response.isSuccessful()) {
                return response;
            }
            if ((response.status() == 429 || response.status() == 503) && attempt < MAX_ATTEMPTS) {
                retries.incrementAndGet();
                Thread.sleep(Math.max(100, Math.min(5_000, response.retryAfterSeconds() * 1000)));
                continue;
            }
            throw new IllegalStateException("POST " + target + " answered " + response.status() + ": "
                    + response.excerpt());
        }
    }
}
