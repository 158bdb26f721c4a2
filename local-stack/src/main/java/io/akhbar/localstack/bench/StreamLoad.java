package io.akhbar.localstack.bench;

import io.akhbar.localstack.bench.ResultTable.Row;
import io.akhbar.localstack.bench.ResultTable.Verdict;
import io.akhbar.localstack.bench.SseReaders.Stream;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What live-stream subscribers cost the indexing: the same number of articles through the pipeline (POST batch until
 * searchable) first with no one subscribed to {@code GET /api/v1/stream}, then with {@code --stream-subscribers}
 * open streams spread over {@value #DISTINCT_QUERIES} queries of the search scenario's mix. The subscribers read
 * every event; they are counted, not timed.
 */
final class StreamLoad {

    static final int DISTINCT_QUERIES = 50;
    static final double TARGET = 0.9;
    /** Articles sent with the streams open before the measured run, at most --stream-articles. */
    static final int WARMUP_ARTICLES = 2_000;
    private static final long WARMUP_OFFSET = 500_000_000L;

    private StreamLoad() {
    }

    static void run(BenchContext context, ResultTable table) throws Exception {
        int articles = context.options().streamArticles();
        int subscribers = context.options().streamSubscribers();
        double baseline = throughput(context, BenchContext.STREAM_BASELINE_ARTICLES, articles, "no subscribers");

        List<String> queries = context.generator().queries(DISTINCT_QUERIES);
        String streamUrl = context.stack().serviceUrl("search-service") + "/api/v1/stream?q=";
        context.log("Opening %d streams over %d distinct queries ...", subscribers, queries.size());
        List<Stream> streams = new ArrayList<>();
        try (SseReaders readers = new SseReaders()) {
            for (int i = 0; i < subscribers; i++) {
                streams.add(readers.open(URI.create(streamUrl + Elastic.encode(queries.get(i % queries.size())))));
            }
            awaitReady(streams, Duration.ofSeconds(120));
            // The code that only runs for open streams (the matching requests in Elasticsearch, building and writing
            // events in search-service, the clients) has not run yet: it warms up as the pipeline did, unmeasured.
            int warmup = Math.min(WARMUP_ARTICLES, articles);
            context.log("Warming up the live streams: %,d articles with %d streams open, not measured ...", warmup,
                    subscribers);
            send(context, context.prepareIngest(BenchContext.STREAM_LOADED_ARTICLES + WARMUP_OFFSET, warmup));
            long warmupEvents = awaitQuiet(streams, Duration.ofSeconds(3), Duration.ofSeconds(60));
            double loaded = throughput(context, BenchContext.STREAM_LOADED_ARTICLES, articles,
                    subscribers + " subscribers");
            long events = awaitQuiet(streams, Duration.ofSeconds(3), Duration.ofSeconds(60)) - warmupEvents;
            long closedEarly = streams.stream().filter(Stream::ended).count();
            context.log("  the subscribers received %,d article events (%.1f per article)%s", events,
                    (double) events / articles, closedEarly == 0 ? ""
                            : "; " + closedEarly + " streams were closed by the service (fell behind?)");
            if (events == 0) {
                context.note("stream: no subscriber received an article event; the figure measures idle streams");
            }
            table.add(new Row("indexing throughput with " + subscribers + " SSE subscribers (" + queries.size()
                    + " queries), N=" + articles, ResultTable.perSecond(loaded, "articles"),
                    ResultTable.perSecond(baseline, "articles") + " without subscribers",
                    ResultTable.ratio(loaded / baseline), ">= " + TARGET + "x", Verdict.of(loaded >= TARGET * baseline)));
        }
    }

    /** Articles per second from the first POST until all are searchable. */
    private static double throughput(BenchContext context, long first, int articles, String label) throws Exception {
        BenchContext.PreparedIngest prepared = context.prepareIngest(first, articles);
        context.log("Indexing with %s: %,d articles into ingest, until all are searchable ...", label, articles);
        CpuUsage.Meter cpu = context.meter("pipeline with " + label + ", N=" + articles);
        double perSecond = send(context, prepared);
        context.measured(cpu);
        return perSecond;
    }

    private static double send(BenchContext context, BenchContext.PreparedIngest prepared) throws Exception {
        BenchContext.Searchable sent = context.submitUntilSearchable(prepared);
        context.log("  all searchable after %.1f s: %,.0f articles/s", sent.seconds(), sent.perSecond());
        return sent.perSecond();
    }

    private static void awaitReady(List<Stream> streams, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.stream().anyMatch(stream -> !stream.ready())) {
            Stream failed = streams.stream().filter(Stream::ended).findFirst().orElse(null);
            if (failed != null) {
                throw new IllegalStateException("a stream ended before it was ready: " + failed.failure());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(streams.stream().filter(Stream::ready).count() + " of "
                        + streams.size() + " streams ready after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    /** Waits until no event came for {@code quiet}; returns the events received. */
    private static long awaitQuiet(List<Stream> streams, Duration quiet, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = streams.stream().mapToLong(Stream::articles).sum();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange >= quiet.toNanos()) {
                break;
            }
            Thread.sleep(200);
        }
        return last;
    }
}
