package io.akhbar.localstack.bench;

import io.akhbar.localstack.BenchSupport;
import io.akhbar.localstack.bench.ResultTable.Row;
import io.akhbar.localstack.bench.ResultTable.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Freshness at a steady rate: single articles sent on a fixed schedule (open loop: a slow answer does not delay the
 * next article), each timed from its POST until a search finds it. The baseline sends the same documents at the same
 * rate straight to Elasticsearch, one index request each: what is left there is Elasticsearch's refresh interval.
 */
final class Freshness {

    static final String DIRECT_INDEX = "bench-fresh";
    static final double P99_TARGET_SECONDS = 2.0;

    /** What a paced run sent; the probe's result holds what was found. */
    record Paced(int sent, int accepted, double achievedRate, String firstError) {
    }

    private Freshness() {
    }

    static void run(BenchContext context, ResultTable table) throws Exception {
        BenchOptions options = context.options();
        int count = (int) Math.max(1, options.rate() * options.freshnessDuration().toMillis() / 1000);
        // Long enough for a pipeline that falls behind to catch up with a backlog of the whole run.
        Duration drain = Duration.ofSeconds(60 + count / 50);

        int warmupCount = (int) (options.rate() * options.freshnessWarmup().toMillis() / 1000);
        List<String> articles = context.articles(BenchContext.FRESHNESS_PIPELINE_ARTICLES, warmupCount + count)
                .stream().map(SyntheticArticle::ingestJson).toList();
        IntFunction<CompletableFuture<String>> submit = i -> context.ingest().submitAsync(articles.get(i))
                .thenApply(response -> response.status() == 202
                        ? String.valueOf(BenchSupport.parseJsonObject(response.body()).get("id"))
                        : fail(response));
        warmUp(context, "pipeline", warmupCount, submit, BenchContext.ALIAS, drain);
        context.log("Freshness through the pipeline: %,d single articles at %d/s for %d s ...", count, options.rate(),
                options.freshnessDuration().toSeconds());
        FreshnessProbe.Result pipeline;
        Paced pipelineSent;
        CpuUsage.Meter pipelineCpu = context.meter("freshness via pipeline");
        try (FreshnessProbe probe = new FreshnessProbe(context.elastic(), BenchContext.ALIAS,
                FreshnessProbe.DEFAULT_INTERVAL)) {
            pipelineSent = pace(options.rate(), count, i -> submit.apply(warmupCount + i), probe);
            pipeline = probe.finish(drain);
        }
        report(context, "pipeline", pipelineSent, pipeline, drain);
        context.measured(pipelineCpu);

        Elastic elastic = context.elastic();
        elastic.deleteIndex(DIRECT_INDEX);
        elastic.createIndex(DIRECT_INDEX, context.definition().json());
        Instant now = Instant.now();
        List<String> documents = new ArrayList<>(warmupCount + count);
        for (int i = 0; i < warmupCount + count; i++) {
            documents.add(context.documentJson(BenchContext.FRESHNESS_DIRECT_ARTICLES + i, now));
        }
        IntFunction<CompletableFuture<String>> index = i -> {
            String id = BenchContext.documentId(BenchContext.FRESHNESS_DIRECT_ARTICLES + i);
            return context.http().putAsync(elastic.url() + "/" + DIRECT_INDEX + "/_doc/" + id, Elastic.JSON,
                    documents.get(i)).thenApply(response -> response.isSuccessful() ? id : fail(response));
        };
        warmUp(context, "direct", warmupCount, index, DIRECT_INDEX, drain);
        context.log("Freshness straight into Elasticsearch: %,d single documents at %d/s into %s ...", count,
                options.rate(), DIRECT_INDEX);
        FreshnessProbe.Result direct;
        Paced directSent;
        CpuUsage.Meter directCpu = context.meter("freshness direct to ES");
        try (FreshnessProbe probe = new FreshnessProbe(elastic, DIRECT_INDEX, FreshnessProbe.DEFAULT_INTERVAL)) {
            directSent = pace(options.rate(), count, i -> index.apply(warmupCount + i), probe);
            direct = probe.finish(drain);
        }
        report(context, "direct", directSent, direct, drain);
        context.measured(directCpu);
        elastic.deleteIndex(DIRECT_INDEX);

        String what = "freshness at " + options.rate() + "/s (POST -> searchable), "
                + options.freshnessDuration().toSeconds() + " s";
        if (pipeline.found().count() == 0) {
            table.add(Row.failed(what, "no article became searchable", "p99 <= 2 s"));
            return;
        }
        table.add(new Row(what + ", p50", ResultTable.seconds(pipeline.found().p50() / 1e9),
                ResultTable.seconds(direct.found().p50() / 1e9) + " direct to ES",
                ratio(pipeline.found().p50(), direct.found().p50()), "-", Verdict.NOT_APPLICABLE));
        boolean complete = pipeline.missing() == 0 && pipelineSent.accepted() == pipelineSent.sent();
        // Percentiles cover the articles that were found: say so when some never were.
        String incomplete = pipeline.missing() == 0 ? "" : " (" + pipeline.missing() + " never searchable)";
        table.add(new Row(what + ", p99", ResultTable.seconds(pipeline.found().p99() / 1e9) + incomplete,
                ResultTable.seconds(direct.found().p99() / 1e9) + " direct to ES",
                ratio(pipeline.found().p99(), direct.found().p99()), "<= " + P99_TARGET_SECONDS + " s",
                Verdict.of(complete && pipeline.found().p99() <= P99_TARGET_SECONDS * 1e9)));
    }

    /**
     * The same paced load before the measured run, unmeasured, until everything it sent is searchable: single POSTs
     * and single index requests run code that the batch warm-up never touched (a profile of the first seconds found
     * almost half of ingest-service's CPU in its JIT compilers), and a backlog left over would be measured as
     * freshness.
     */
    private static void warmUp(BenchContext context, String what, int count, IntFunction<CompletableFuture<String>> send,
                               String index, Duration drain) throws InterruptedException {
        if (count == 0) {
            return;
        }
        context.log("Warming up the %s freshness path: %,d at %d/s, not measured ...", what, count,
                context.options().rate());
        try (FreshnessProbe probe = new FreshnessProbe(context.elastic(), index, FreshnessProbe.DEFAULT_INTERVAL)) {
            Paced sent = pace(context.options().rate(), count, send, probe);
            FreshnessProbe.Result result = probe.finish(drain);
            context.log("  warm-up %s: sent %,d at %.0f/s, searchable %,d, p99 %.2f s", what, sent.sent(),
                    sent.achievedRate(), result.found().count(), result.found().p99() / 1e9);
        }
    }

    private static String ratio(long figure, long baseline) {
        return baseline == 0 ? "-" : ResultTable.ratio((double) figure / baseline);
    }

    private static void report(BenchContext context, String what, Paced sent, FreshnessProbe.Result result,
                               Duration drain) {
        context.log("  %s: sent %,d at %.0f/s, accepted %,d, searchable %,d: p50 %.2f s, p99 %.2f s, max %.2f s "
                        + "(a poll every %.0f ms)", what, sent.sent(), sent.achievedRate(), sent.accepted(),
                result.found().count(), result.found().p50() / 1e9, result.found().p99() / 1e9,
                result.found().max() / 1e9, result.meanPollMillis());
        if (sent.achievedRate() < 0.95 * context.options().rate()) {
            context.note("freshness (%s): the sender reached only %.0f of %d articles/s; the machine is overloaded",
                    what, sent.achievedRate(), context.options().rate());
        }
        if (result.meanPollMillis() > 2 * FreshnessProbe.DEFAULT_INTERVAL.toMillis()) {
            context.note("freshness (%s): the probe polled only every %.0f ms (asked: %d ms), so the figures are that "
                    + "coarse; the machine is overloaded", what, result.meanPollMillis(),
                    FreshnessProbe.DEFAULT_INTERVAL.toMillis());
        }
        if (sent.firstError() != null) {
            context.note("freshness (%s): %d of %d submissions failed, first: %s", what, sent.sent() - sent.accepted(),
                    sent.sent(), sent.firstError());
        }
        if (result.missing() > 0) {
            context.note("freshness (%s): %d accepted articles were not searchable %d s after the last was sent%s",
                    what, result.missing(), drain.toSeconds(),
                    result.lastError() == null ? "" : " (last probe error: " + result.lastError() + ")");
        }
    }

    /**
     * Starts {@code send(i)} at {@code start + i / rate}; an answer with an id registers the article with the probe,
     * timed from its send. Returns once every answer came.
     */
    static Paced pace(int rate, int count, IntFunction<CompletableFuture<String>> send, FreshnessProbe probe)
            throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        AtomicLong accepted = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<CompletableFuture<?>> answers = new ArrayList<>(count);
        long start = System.nanoTime();
        long lastSent = start;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long sentAt = System.nanoTime();
            lastSent = sentAt;
            answers.add(send.apply(i).whenComplete((id, failure) -> {
                if (failure == null && id != null) {
                    probe.expect(id, sentAt);
                    accepted.incrementAndGet();
                } else {
                    firstError.compareAndSet(null, failure == null ? "no id" : rootMessage(failure));
                }
            }));
        }
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            firstError.compareAndSet(null, rootMessage(e));
        }
        double achieved = count <= 1 ? rate : (count - 1) / ((lastSent - start) / 1e9);
        return new Paced(count, (int) accepted.get(), achieved, firstError.get());
    }

    private static String fail(BenchHttp.Response response) {
        throw new IllegalStateException("HTTP " + response.status() + " " + response.excerpt());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }
}
