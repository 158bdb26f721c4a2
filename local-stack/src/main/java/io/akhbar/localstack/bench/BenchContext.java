package io.akhbar.localstack.bench;

import io.akhbar.localstack.LocalStack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** What every scenario works with: the running stack, clients for it, the articles, and where to report. */
final class BenchContext {

    /** The alias search-service reads and writes. */
    static final String ALIAS = "articles";
    static final Duration POLL = Duration.ofMillis(100);
    private static final Duration MERGES_DONE_TIMEOUT = Duration.ofMinutes(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Each scenario draws its articles from its own range of numbers, so no two scenarios share an article. */
    static final long WARMUP_ARTICLES = 0L;
    static final long END_TO_END_ARTICLES = 1_000_000_000L;
    static final long INGEST_ARTICLES = 2_000_000_000L;
    static final long FRESHNESS_PIPELINE_ARTICLES = 3_000_000_000L;
    static final long FRESHNESS_DIRECT_ARTICLES = 4_000_000_000L;
    static final long SEARCH_ARTICLES = 5_000_000_000L;
    static final long STREAM_BASELINE_ARTICLES = 6_000_000_000L;
    static final long STREAM_LOADED_ARTICLES = 7_000_000_000L;

    private final LocalStack stack;
    private final BenchOptions options;
    private final BenchHttp http;
    private final Elastic elastic;
    private final IngestClient ingest;
    private final ArticleGenerator generator;
    private final IndexDefinition definition;
    private final PrintStream out;
    private final List<String> notes = new ArrayList<>();
    private final Map<CpuUsage.Meter, Map<String, Long>> elasticWorkBefore = new IdentityHashMap<>();
    private final Map<CpuUsage.Meter, Map<String, Long>> elasticWorkDone = new IdentityHashMap<>();
    private final CpuUsage cpu;
    private boolean batches = true;

    BenchContext(LocalStack stack, BenchOptions options, ArticleGenerator generator, IndexDefinition definition,
                 PrintStream out) {
        this.stack = stack;
        this.options = options;
        this.generator = generator;
        this.definition = definition;
        this.out = out;
        this.http = new BenchHttp();
        this.elastic = new Elastic(http, stack.elasticsearchUrl());
        this.ingest = new IngestClient(http.withHeader(LocalStack.API_KEY_HEADER, stack.apiKey()),
                stack.serviceUrl("ingest-service"));
        this.cpu = new CpuUsage(stack);
    }

    /** Starts metering the CPU each process uses in a phase; {@link #measured} reports it. */
    CpuUsage.Meter meter(String phase) {
        CpuUsage.Meter meter = cpu.start(phase);
        elasticWorkBefore.put(meter, elasticWork());
        return meter;
    }

    /** Stops counting a meter's CPU and Elasticsearch work until {@link #resume}: another target takes its turn. */
    void pause(CpuUsage.Meter meter) {
        meter.pause();
        Map<String, Long> before = elasticWorkBefore.remove(meter);
        Map<String, Long> after = elasticWork();
        Map<String, Long> done = elasticWorkDone.computeIfAbsent(meter, ignored -> new LinkedHashMap<>());
        if (before == null || before.isEmpty() || after.isEmpty()) {
            return;
        }
        after.forEach((key, value) -> done.merge(key, value - before.getOrDefault(key, 0L), Long::sum));
    }

    void resume(CpuUsage.Meter meter) {
        meter.resume();
        elasticWorkBefore.put(meter, elasticWork());
    }

    void measured(CpuUsage.Meter meter) {
        pause(meter);
        log("  %s", meter.stop().describe());
        Map<String, Long> done = elasticWorkDone.remove(meter);
        if (done != null && !done.isEmpty()) {
            log("  %s", describeElasticWork(Map.of(), done));
        }
    }

    /**
     * Waits, unmeasured, until Elasticsearch runs no merge, so that a turn does not pay for the merges that the
     * indexing before it started: those would otherwise fall on whichever turn comes next.
     */
    void awaitMergesDone() throws IOException, InterruptedException {
        long started = System.nanoTime();
        if (!elastic.awaitNoMerges(MERGES_DONE_TIMEOUT)) {
            note("Elasticsearch was still merging after %d s; the next turn started anyway",
                    MERGES_DONE_TIMEOUT.toSeconds());
            return;
        }
        double waited = (System.nanoTime() - started) / 1e9;
        if (waited >= 1) {
            log("  Elasticsearch's merges done after %.1f s", waited);
        }
    }

    /** Empty when the node cannot tell: the figure is context, never a reason to stop the run. */
    Map<String, Long> elasticWork() {
        try {
            return elastic.workTotals();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    static String describeElasticWork(Map<String, Long> before, Map<String, Long> after) {
        ToLongFunction<String> used = key -> after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "Elasticsearch thread s: indexing %.1f (%,d docs), search query %.1f (%,d), "
                        + "fetch %.1f (%,d), refresh %.1f (%,d), merges %.1f (%,d docs), flush %.1f; "
                        + "request cache %,d hits, %,d misses",
                used.applyAsLong("indexing.index_time_in_millis") / 1000.0, used.applyAsLong("indexing.index_total"),
                used.applyAsLong("search.query_time_in_millis") / 1000.0, used.applyAsLong("search.query_total"),
                used.applyAsLong("search.fetch_time_in_millis") / 1000.0, used.applyAsLong("search.fetch_total"),
                used.applyAsLong("refresh.total_time_in_millis") / 1000.0, used.applyAsLong("refresh.total"),
                used.applyAsLong("merges.total_time_in_millis") / 1000.0, used.applyAsLong("merges.total_docs"),
                used.applyAsLong("flush.total_time_in_millis") / 1000.0,
                used.applyAsLong("request_cache.hit_count"), used.applyAsLong("request_cache.miss_count")));
        String prefix = Elastic.SEARCH_GROUPS;
        String suffix = ".query_total";
        String byKind = after.keySet().stream()
                .filter(key -> key.startsWith(prefix) && key.endsWith(suffix))
                .map(key -> key.substring(prefix.length(), key.length() - suffix.length()))
                .filter(group -> used.applyAsLong(prefix + group + suffix) > 0)
                .sorted()
                .map(group -> String.format(Locale.ROOT, " %s %.1f (%,d) + %.1f", group,
                        used.applyAsLong(prefix + group + ".query_time_in_millis") / 1000.0,
                        used.applyAsLong(prefix + group + suffix),
                        used.applyAsLong(prefix + group + ".fetch_time_in_millis") / 1000.0))
                .collect(Collectors.joining(","));
        if (!byKind.isEmpty()) {
            line.append("; by kind, query (requests) + fetch:").append(byKind);
        }
        return line.toString();
    }

    List<CpuUsage.Phase> cpuPhases() {
        return cpu.phases();
    }

    LocalStack stack() {
        return stack;
    }

    BenchOptions options() {
        return options;
    }

    BenchHttp http() {
        return http;
    }

    Elastic elastic() {
        return elastic;
    }

    IngestClient ingest() {
        return ingest;
    }

    ArticleGenerator generator() {
        return generator;
    }

    IndexDefinition definition() {
        return definition;
    }

    boolean batches() {
        return batches;
    }

    void useSingleArticles() {
        batches = false;
    }

    void log(String format, Object... arguments) {
        out.println("[" + LocalTime.now().format(TIME) + "] "
                + String.format(Locale.ROOT, format, arguments));
    }

    /** A remark for the table's footnotes (and the log). */
    void note(String format, Object... arguments) {
        String note = String.format(Locale.ROOT, format, arguments);
        notes.add(note);
        log("note: %s", note);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    /** Generous: the slowest plausible pipeline on a busy 2-core machine, plus start-up hiccups. */
    static Duration indexingTimeout(long articles) {
        return Duration.ofSeconds(120 + articles / 10);
    }

    List<SyntheticArticle> articles(long first, int count) {
        List<SyntheticArticle> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            articles.add(generator.article(first + i));
        }
        return articles;
    }

    /** Request bodies made before the clock starts, so that generating them is not measured. */
    record PreparedIngest(List<byte[]> batches, List<String> singles, long bytes, int articles) {
    }

    PreparedIngest prepareIngest(long first, int count) {
        List<String> json = articles(first, count).stream().map(SyntheticArticle::ingestJson).toList();
        long bytes = json.stream().mapToLong(text -> text.getBytes(StandardCharsets.UTF_8).length).sum();
        return batches
                ? new PreparedIngest(IngestClient.ndjsonBatches(json, options.batchSize()), null, bytes, count)
                : new PreparedIngest(null, json, bytes, count);
    }

    /**
     * What {@link #submitUntilSearchable} sent, and when the last of it became searchable ({@code System.nanoTime}).
     */
    record Searchable(IngestClient.Submission submission, long searchableAt) {

        double seconds() {
            return (searchableAt - submission.started()) / 1e9;
        }

        double perSecond() {
            return submission.accepted() / seconds();
        }
    }

    /** Sends the articles into ingest and waits until {@code _count} on the alias has every accepted one. */
    Searchable submitUntilSearchable(PreparedIngest prepared) throws IOException, InterruptedException {
        long before = elastic.count(ALIAS);
        IngestClient.Submission submission = submit(prepared);
        long searchable = elastic.awaitCount(ALIAS, before + submission.accepted(),
                indexingTimeout(prepared.articles()), POLL);
        return new Searchable(submission, searchable);
    }

    IngestClient.Submission submit(PreparedIngest prepared) throws InterruptedException {
        return batches
                ? ingest.submitBatches(prepared.batches(), options.senders())
                : ingest.submitSingles(prepared.singles());
    }

    /** Synthetic documents of articles {@code first ..} (ids {@code bench-<n>}) as one bulk body for {@code index}. */
    byte[] bulkBody(String index, long first, int count) {
        StringBuilder body = new StringBuilder(count * 4_000);
        Instant now = Instant.now();
        for (long number = first; number < first + count; number++) {
            String id = documentId(number);
            body.append("{\"index\":{\"_index\":").append(JsonText.quote(index))
                    .append(",\"_id\":").append(JsonText.quote(id)).append("}}\n");
            JsonText.write(definition.retainMapped(generator.article(number).document(id, now, now)), body);
            body.append('\n');
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    String documentJson(long number, Instant now) {
        String id = documentId(number);
        return JsonText.write(definition.retainMapped(generator.article(number).document(id, now, now)));
    }

    static String documentId(long number) {
        return "bench-" + number;
    }

    /** Sends the bodies, {@code senders} at a time; returns {@link System#nanoTime()} when the last was answered. */
    long bulkAll(List<byte[]> bodies) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Parallel.run(options.senders(), "akhbar-bench-bulk-", worker -> {
            int index;
            while ((index = next.getAndIncrement()) < bodies.size()) {
                elastic.bulk(bodies.get(index));
            }
        });
        return System.nanoTime();
    }
}
