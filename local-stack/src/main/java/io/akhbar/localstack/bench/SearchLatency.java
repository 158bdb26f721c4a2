package io.akhbar.localstack.bench;

import io.akhbar.localstack.BenchSupport;
import io.akhbar.localstack.bench.ResultTable.Row;
import io.akhbar.localstack.bench.ResultTable.Verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search latency under concurrent load, through search-service and, as the baseline, the same search request sent
 * straight to Elasticsearch, over an index filled up to {@code --search-docs} with a direct bulk load.
 */
final class SearchLatency {

    static final int PAGE_SIZE = 10;
    static final int QUERIES = 16;
    static final double P99_TARGET_MILLIS = 50;
    static final double RATIO_TARGET = 1.3;
    /** How many turns each search path takes in the measured time; each turn records for duration / TURNS. */
    static final int TURNS = 6;
    static final Duration TURN_WARMUP = Duration.ofSeconds(2);

    private SearchLatency() {
    }

    static void run(BenchContext context, ResultTable table) throws Exception {
        BenchOptions options = context.options();
        Elastic elastic = context.elastic();
        fill(context);
        long documents = elastic.count(BenchContext.ALIAS);
        Elastic.IndexShape shape = elastic.shape(BenchContext.ALIAS);
        context.log("Index: %,d articles in %,d segments (%,d Lucene documents with the nested entities, %,d deleted)",
                documents, shape.segments(), shape.luceneDocuments(), shape.deleted());

        String searchUrl = context.stack().serviceUrl("search-service") + "/api/v1/search";
        List<String> queries = context.generator().queries(QUERIES);
        List<String> serviceUrls = new ArrayList<>();
        List<String> directBodies = new ArrayList<>();
        int explained = 0;
        DirectQuery.Settings settings = DirectQuery.Settings.fromApplicationYaml(BenchSupport.projectRoot());
        for (String query : queries) {
            serviceUrls.add(searchUrl + "?q=" + Elastic.encode(query) + "&size=" + PAGE_SIZE);
            Object translated = explain(context, searchUrl, query);
            explained += translated != null ? 1 : 0;
            directBodies.add(DirectQuery.searchBody(
                    translated != null ? translated : DirectQuery.equivalentQuery(query), PAGE_SIZE, settings));
        }
        context.log("Query mix (%d queries; direct query %s):", queries.size(), explained == queries.size()
                ? "as search-service's /api/v1/search/explain shows it"
                : explained + " from search-service's explain, the rest hand-written equivalents");
        int mismatched = 0;
        for (int i = 0; i < queries.size(); i++) {
            long service = total(context.http().get(serviceUrls.get(i)), "total");
            long direct = total(elastic.multiSearch(BenchContext.ALIAS, directBodies.get(i)), "responses");
            mismatched += service == direct ? 0 : 1;
            context.log("  %-24s %,9d hits via search-service, %,9d direct", queries.get(i), service, direct);
        }
        if (mismatched > 0) {
            context.note("search: %d of %d queries found a different number of hits directly; the direct "
                    + "query is only an approximation of the service's", mismatched, queries.size());
        }

        LoadRun.Request throughService = (client, iteration) ->
                context.http().get(serviceUrls.get(pick(client, iteration, queries.size())));
        LoadRun.Request straightToElasticsearch = (client, iteration) ->
                elastic.multiSearch(BenchContext.ALIAS, directBodies.get(pick(client, iteration, queries.size())));
        // Both paths warm up before either is measured: the service's search path has not run yet, and whichever
        // was measured first would pay for the JIT compilation of Elasticsearch's search code for both.
        context.log("Warming up both search paths: %d s each, not measured ...", options.searchWarmup().toSeconds());
        LoadRun.run(options.clients(), Duration.ZERO, options.searchWarmup(), throughService);
        LoadRun.run(options.clients(), Duration.ZERO, options.searchWarmup(), straightToElasticsearch);
        // Then they take turns, so that what still changes on the machine (on two cores the six JVMs' JIT compilers
        // were still busy minutes into the search load) weighs on both alike instead of on the one measured first.
        Duration turn = options.duration().dividedBy(TURNS);
        context.log("Search through search-service and straight to Elasticsearch: %d clients, the same queries, "
                + "%d turns of %.1f s each, measured after %d s of warm-up per turn ...", options.clients(), TURNS,
                turn.toMillis() / 1000.0, TURN_WARMUP.toSeconds());
        LoadRun.Recording service = new LoadRun.Recording(options.clients(), null);
        LoadRun.Recording direct = new LoadRun.Recording(options.clients(), SearchLatency::took);
        CpuUsage.Meter serviceCpu = context.meter("search via search-service");
        context.pause(serviceCpu);
        CpuUsage.Meter directCpu = context.meter("search direct to ES");
        context.pause(directCpu);
        for (int i = 0; i < TURNS; i++) {
            // The first seconds of a turn are not recorded: the other target's requests may still be draining.
            context.resume(serviceCpu);
            service.run(TURN_WARMUP, turn, throughService);
            context.pause(serviceCpu);
            context.resume(directCpu);
            direct.run(TURN_WARMUP, turn, straightToElasticsearch);
            context.pause(directCpu);
        }
        LoadRun.Result serviceResult = service.result();
        LoadRun.Result directResult = direct.result();
        log(context, "search-service", serviceResult);
        context.measured(serviceCpu);
        log(context, "direct", directResult);
        context.log("  Elasticsearch's own time (took): p50 %.0f ms, p99 %.0f ms; the rest is queueing for the CPU, "
                + "HTTP and JSON", directResult.serverTime().p50Millis(), directResult.serverTime().p99Millis());
        context.measured(directCpu);

        String what = String.format(Locale.ROOT, "search latency, %d clients, %,d docs", options.clients(), documents);
        if (serviceResult.latency().count() == 0 || directResult.latency().count() == 0) {
            table.add(Row.failed(what, "no successful search (" + (serviceResult.firstError() != null
                    ? serviceResult.firstError() : directResult.firstError()) + ")", "p99 <= 50 ms"));
            return;
        }
        double ratio99 = (double) serviceResult.latency().p99() / directResult.latency().p99();
        table.add(new Row(what + ", p50", ResultTable.millis(serviceResult.latency().p50Millis()),
                ResultTable.millis(directResult.latency().p50Millis()) + " direct to ES",
                ResultTable.ratio((double) serviceResult.latency().p50() / directResult.latency().p50()), "-",
                Verdict.NOT_APPLICABLE));
        table.add(new Row(what + ", p99", ResultTable.millis(serviceResult.latency().p99Millis()),
                ResultTable.millis(directResult.latency().p99Millis()) + " direct to ES", ResultTable.ratio(ratio99),
                "<= 50 ms and <= " + RATIO_TARGET + "x",
                Verdict.of(serviceResult.errors() == 0 && serviceResult.latency().p99Millis() <= P99_TARGET_MILLIS
                        && ratio99 <= RATIO_TARGET)));
        table.add(new Row(what + ", throughput", ResultTable.perSecond(serviceResult.perSecond(), "searches"),
                ResultTable.perSecond(directResult.perSecond(), "searches") + " direct",
                ResultTable.ratio(serviceResult.perSecond() / directResult.perSecond()), "-", Verdict.NOT_APPLICABLE));
        if (serviceResult.errors() > 0 || directResult.errors() > 0) {
            context.note("search: %d failed searches via search-service (first: %s), %d direct (first: %s)",
                    serviceResult.errors(), serviceResult.firstError(), directResult.errors(), directResult.firstError());
        }
    }

    /** Tops the alias up to {@code --search-docs} documents with direct bulk requests (not a measured figure). */
    static void fill(BenchContext context) throws Exception {
        Elastic elastic = context.elastic();
        int batchSize = context.options().batchSize();
        long existing = elastic.count(BenchContext.ALIAS);
        long missing = context.options().searchDocs() - existing;
        if (missing <= 0) {
            return;
        }
        int batches = (int) ((missing + batchSize - 1) / batchSize);
        context.log("Loading %,d documents straight into %s (it holds %,d) ...", missing, BenchContext.ALIAS,
                existing);
        AtomicInteger next = new AtomicInteger();
        AtomicLong loaded = new AtomicLong();
        long started = System.nanoTime();
        Parallel.run(context.options().senders(), "akhbar-bench-fill-", worker -> {
            int batch;
            while ((batch = next.getAndIncrement()) < batches) {
                long first = (long) batch * batchSize;
                int size = (int) Math.min(batchSize, missing - first);
                elastic.bulk(context.bulkBody(BenchContext.ALIAS, BenchContext.SEARCH_ARTICLES + first, size));
                long done = loaded.addAndGet(size);
                if ((done / batchSize) % Math.max(1, batches / 10) == 0) {
                    context.log("  %,d / %,d", done, missing);
                }
            }
        });
        elastic.refresh(BenchContext.ALIAS);
        double seconds = (System.nanoTime() - started) / 1e9;
        context.log("  loaded in %.0f s (%,.0f docs/s, generation included)", seconds, missing / seconds);
    }

    /** Search-service's Elasticsearch query for {@code q}, or null when it does not tell. */
    private static Object explain(BenchContext context, String searchUrl, String query) {
        try {
            BenchHttp.Response response = context.http().get(searchUrl + "/explain?q=" + Elastic.encode(query));
            if (response.status() == 200) {
                Object translated = BenchSupport.parseJsonObject(response.body()).get("elasticsearch");
                return translated instanceof Map<?, ?> ? translated : null;
            }
        } catch (Exception e) {
            // An older or newer service without the endpoint: the hand-written equivalent will do.
        }
        return null;
    }

    private static long total(BenchHttp.Response response, String field) {
        if (!response.isSuccessful()) {
            throw new IllegalStateException("a search answered HTTP " + response.status() + ": " + response.excerpt());
        }
        Object value = BenchSupport.parseJsonObject(response.body()).get(field);
        // A multi-search: the last request (the facets) is the one that counts every match.
        if (value instanceof List<?> responses && !responses.isEmpty()
                && responses.get(responses.size() - 1) instanceof Map<?, ?> counting) {
            value = counting.get("hits");
        }
        if (value instanceof Map<?, ?> hits && hits.get("total") instanceof Map<?, ?> total) {
            value = total.get("value");
        }
        return value instanceof Number number ? number.longValue() : -1;
    }

    private static final Pattern TOOK = Pattern.compile("^\\{\\s*\"took\"\\s*:\\s*(\\d+)");

    /** Elasticsearch's {@code took} (milliseconds, the first field of a search answer) in nanoseconds, or -1. */
    static long took(BenchHttp.Response response) {
        Matcher matcher = TOOK.matcher(response.body());
        return matcher.find() ? Long.parseLong(matcher.group(1)) * 1_000_000L : -1;
    }

    private static int pick(int client, long iteration, int queries) {
        return (int) ((client + iteration) % queries);
    }

    private static void log(BenchContext context, String what, LoadRun.Result result) {
        context.log("  %s: %,d searches, %,.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors", what,
                result.latency().count(), result.perSecond(), result.latency().p50Millis(),
                result.latency().p99Millis(), result.latency().maxMillis(), result.errors());
    }
}
