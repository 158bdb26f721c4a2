package io.akhbar.localstack.bench;

import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.bench.ResultTable.Row;
import io.akhbar.localstack.bench.ResultTable.Verdict;
import io.akhbar.localstack.bench.SseReaders.Stream;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What live-stream subscribers cost the indexing: the same number of articles through the pipeline (POST batch until
 * searchable) with no one subscribed to {@code GET /api/v1/stream}, and with {@code --stream-subscribers} open
 * streams spread over {@value #DISTINCT_QUERIES} queries of the search scenario's mix. The subscribers read every
 * event; they are counted, not timed.
 */
final class StreamLoad {

    static final int DISTINCT_QUERIES = 50;
    static final double TARGET = 0.9;
    /**
     * Turns' worth of articles sent with the streams open before the measured turns, one turn at a time. After two in
     * one go, Elasticsearch's compilers still took 1.7 CPU s of the turns with streams and 0.5 s of those without (full
     * run at ede06bc); turn by turn, they took 5.5, 3.4, 0.9 and 0.9 CPU s of the four (e467add), about what they
     * keep taking in a warm pipeline, and then 0.7 s of the turns with streams and 0.9 s of those without.
     */
    private static final int WARMUP_TURNS = 4;
    private static final long WARMUP_OFFSET = 500_000_000L;
    /** Where a second turn's article ids start, after the first turn's. */
    private static final long TURN_OFFSET = 100_000_000L;
    private static final Pattern GAUGE_VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.eE+-]+)");

    private StreamLoad() {
    }

    /**
     * Two turns of each, in the order without, with, with, without: the JIT compilers finishing and the machine's own
     * drift weigh on both sides alike, where one turn each put all of it on the turn that came first. Each turn starts
     * once Elasticsearch has finished the merges that the indexing before it started.
     */
    static void run(BenchContext context, ResultTable table) throws Exception {
        int articles = context.options().streamArticles();
        int subscribers = context.options().streamSubscribers();
        String without = "no subscribers";
        String with = subscribers + " subscribers";
        context.awaitMergesDone();
        CpuUsage.Meter withoutCpu = context.meter("pipeline with " + without + ", 2 x N=" + articles);
        double without1 = send(context, BenchContext.STREAM_BASELINE_ARTICLES, articles, without + ", turn 1 of 2");
        context.pause(withoutCpu);

        List<String> queries = context.generator().queries(DISTINCT_QUERIES);
        String streamUrl = context.stack().serviceUrl("search-service") + "/api/v1/stream?q=";
        context.log("Opening %d streams over %d distinct queries ...", subscribers, queries.size());
        List<Stream> streams = new ArrayList<>();
        double with1;
        double with2;
        long events;
        long arrivedByTheEnd;
        long closedEarly;
        try (SseReaders readers = new SseReaders()) {
            if (readers.atLowestPriority()) {
                context.log("  the subscribers' reader thread runs at nice %d: it takes the CPU the services leave",
                        LowestPriority.NICE);
            } else {
                context.note("stream: the subscribers' reader thread could not be put at nice %d (no renice or "
                        + "/proc/thread-self): it took a full share of the CPU from the pipeline", LowestPriority.NICE);
            }
            for (int i = 0; i < subscribers; i++) {
                streams.add(readers.open(URI.create(streamUrl + Elastic.encode(queries.get(i % queries.size())))));
            }
            awaitReady(streams, Duration.ofSeconds(120));
            warmUp(context, articles, subscribers);
            long warmupEvents = awaitQuiet(streams, Duration.ofSeconds(3), Duration.ofSeconds(60));
            context.awaitMergesDone();
            CpuUsage.Meter withCpu = context.meter("pipeline with " + with + ", 2 x N=" + articles);
            with1 = send(context, BenchContext.STREAM_LOADED_ARTICLES, articles, with + ", turn 1 of 2");
            context.pause(withCpu);
            context.awaitMergesDone();
            context.resume(withCpu);
            with2 = send(context, BenchContext.STREAM_LOADED_ARTICLES + TURN_OFFSET, articles,
                    with + ", turn 2 of 2");
            context.measured(withCpu);
            arrivedByTheEnd = received(streams) - warmupEvents;
            events = awaitQuiet(streams, Duration.ofSeconds(3), Duration.ofSeconds(60)) - warmupEvents;
            closedEarly = streams.stream().filter(Stream::ended).count();
        }
        // Had the readers fallen behind, the service's writes would have waited for them past the turns' clocks.
        context.log("  the subscribers received %,d article events (%.1f per article), %,d of them by the time the "
                        + "last article was searchable%s", events, (double) events / (2.0 * articles), arrivedByTheEnd,
                closedEarly == 0 ? "" : "; " + closedEarly + " streams were closed by the service (fell behind?)");
        if (events == 0) {
            context.note("stream: no subscriber received an article event; the figure measures idle streams");
        }
        // Until the service has noticed that the streams are gone, its watcher still looks and matches for them.
        awaitNoSubscribers(context, Duration.ofSeconds(120));
        context.awaitMergesDone();
        context.resume(withoutCpu);
        double without2 = send(context, BenchContext.STREAM_BASELINE_ARTICLES + TURN_OFFSET, articles,
                without + ", turn 2 of 2");
        context.measured(withoutCpu);

        // Equal numbers of articles per turn: all articles over all the time is the harmonic mean of the turns.
        double baseline = 2 / (1 / without1 + 1 / without2);
        double loaded = 2 / (1 / with1 + 1 / with2);
        context.log("  turns (articles/s): without %,.0f and %,.0f, with %,.0f and %,.0f", without1, without2, with1,
                with2);
        table.add(new Row("indexing throughput with " + subscribers + " SSE subscribers (" + queries.size()
                + " queries), 2 x N=" + articles, ResultTable.perSecond(loaded, "articles"),
                ResultTable.perSecond(baseline, "articles") + " without subscribers",
                ResultTable.ratio(loaded / baseline), ">= " + TARGET + "x", Verdict.of(loaded >= TARGET * baseline)));
    }

    /**
     * The code that only runs for open streams (the matching requests in Elasticsearch, building and writing events in
     * search-service, the clients) has not run yet: it warms up as the pipeline did, unmeasured, a turn at a time so
     * that the CPU table shows when the compilers are done with it.
     */
    private static void warmUp(BenchContext context, int articles, int subscribers) throws Exception {
        for (int turn = 1; turn <= WARMUP_TURNS; turn++) {
            CpuUsage.Meter cpu = context.meter("live-stream warm-up " + turn + ", not measured, N=" + articles);
            send(context, BenchContext.STREAM_LOADED_ARTICLES + WARMUP_OFFSET + turn * TURN_OFFSET, articles,
                    subscribers + " subscribers, warm-up " + turn + " of " + WARMUP_TURNS + ", not measured");
            context.measured(cpu);
        }
    }

    /** Articles per second from the first POST until all are searchable. */
    private static double send(BenchContext context, long first, int articles, String label) throws Exception {
        BenchContext.PreparedIngest prepared = context.prepareIngest(first, articles);
        context.log("Indexing with %s: %,d articles into ingest, until all are searchable ...", label, articles);
        return send(context, prepared);
    }

    /** Polls search-service's own count of open streams; a closed socket is noticed at its next write. */
    private static void awaitNoSubscribers(BenchContext context, Duration timeout) throws Exception {
        String url = context.stack().serviceUrl("search-service") + "/actuator/metrics/akhbar.stream.subscribers";
        BenchHttp http = context.http().withHeader(LocalStack.API_KEY_HEADER, context.stack().apiKey());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            BenchHttp.Response response = http.get(url);
            Matcher value = GAUGE_VALUE.matcher(response.body());
            if (response.isSuccessful() && value.find() && Double.parseDouble(value.group(1)) == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("search-service still counts open streams after "
                        + timeout.toSeconds() + " s: " + response.status() + " " + response.excerpt());
            }
            Thread.sleep(500);
        }
    }

    private static double send(BenchContext context, BenchContext.PreparedIngest prepared) throws Exception {
        Map<String, Long> before = context.elasticWork();
        BenchContext.Searchable sent = context.submitUntilSearchable(prepared);
        context.log("  all searchable after %.1f s: %,.0f articles/s", sent.seconds(), sent.perSecond());
        Map<String, Long> after = context.elasticWork();
        // Per turn: which turns Elasticsearch's merges fell in is what moved this figure most between runs.
        if (!before.isEmpty() && !after.isEmpty()) {
            context.log("  %s", BenchContext.describeElasticWork(before, after));
        }
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

    private static long received(List<Stream> streams) {
        return streams.stream().mapToLong(Stream::articles).sum();
    }

    /** Waits until no event came for {@code quiet}; returns the events received. */
    private static long awaitQuiet(List<Stream> streams, Duration quiet, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = received(streams);
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
