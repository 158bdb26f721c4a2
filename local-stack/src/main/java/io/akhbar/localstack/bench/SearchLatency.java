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

    private SearchLatency() {
    }

    static void run(BenchContext context, ResultTable table) throws Exception {
        BenchOptions options = context.options();
        Elastic elastic = context.elastic();
        fill(context);
        long documents = elastic.count(BenchContext.ALIAS);

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

        // Both paths warm up before either is measured: the service's search path has not run yet, and whichever
        // was measured first would pay for the JIT compilation of Elasticsearch's search code for both.
        context.log("Warming up both search paths: %d s each, not measured ...", options.searchWarmup().toSeconds());
        LoadRun.run(options.clients(), Duration.ZERO, options.searchWarmup(),
                (client, iteration) -> context.http().get(serviceUrls.get(pick(client, iteration, queries.size()))));
        LoadRun.run(options.clients(), Duration.ZERO, options.searchWarmup(),
                (client, iteration) -> elastic.multiSearch(BenchContext.ALIAS,
                        directBodies.get(pick(client, iteration, queries.size()))), SearchLatency::took);
        context.log("Search through search-service: %d clients, %d s warm-up, %d s measured ...", options.clients(),
                options.searchWarmup().toSeconds(), options.duration().toSeconds());
        CpuUsage.Meter serviceCpu = context.meter("search via search-service");
        LoadRun.Result service = LoadRun.run(options.clients(), options.searchWarmup(), options.duration(),
                (client, iteration) -> context.http().get(serviceUrls.get(pick(client, iteration, queries.size()))));
        log(context, "search-service", service);
        context.measured(serviceCpu);
        context.log("Search straight to Elasticsearch: the same clients and queries ...");
        CpuUsage.Meter directCpu = context.meter("search direct to ES");
        LoadRun.Result direct = LoadRun.run(options.clients(), options.searchWarmup(), options.duration(),
                (client, iteration) -> elastic.multiSearch(BenchContext.ALIAS,
                        directBodies.get(pick(client, iteration, queries.size()))), SearchLatency::took);
        log(context, "direct", direct);
        context.log("  Elasticsearch's own time (took): p50 %.0f ms, p99 %.0f ms; the rest is queueing for the CPU, "
                + "HTTP and JSON", direct.serverTime().p50Millis(), direct.serverTime().p99Millis());
        context.measured(directCpu);

        String what = String.format(Locale.ROOT, "search latency, %d clients, %,d docs", options.clients(), documents);
        if (service.latency().count() == 0 || direct.latency().count() == 0) {
            table.add(Row.failed(what, "no successful search (" + (service.firstError() != null
                    ? service.firstError() : direct.firstError()) + ")", "p99 <= 50 ms"));
            return;
        }
        double ratio99 = (double) service.latency().p99() / direct.latency().p99();
        table.add(new Row(what + ", p50", ResultTable.millis(service.latency().p50Millis()),
                ResultTable.millis(direct.latency().p50Millis()) + " direct to ES",
                ResultTable.ratio((double) service.latency().p50() / direct.latency().p50()), "-",
                Verdict.NOT_APPLICABLE));
        table.add(new Row(what + ", p99", ResultTable.millis(service.latency().p99Millis()),
                ResultTable.millis(direct.latency().p99Millis()) + " direct to ES", ResultTable.ratio(ratio99),
                "<= 50 ms and <= " + RATIO_TARGET + "x",
                Verdict.of(service.errors() == 0 && service.latency().p99Millis() <= P99_TARGET_MILLIS
                        && ratio99 <= RATIO_TARGET)));
        table.add(new Row(what + ", throughput", ResultTable.perSecond(service.perSecond(), "searches"),
                ResultTable.perSecond(direct.perSecond(), "searches") + " direct",
                ResultTable.ratio(service.perSecond() / direct.perSecond()), "-", Verdict.NOT_APPLICABLE));
        if (service.errors() > 0 || direct.errors() > 0) {
            context.note("search: %d failed searches via search-service (first: %s), %d direct (first: %s)",
                    service.errors(), service.firstError(), direct.errors(), direct.firstError());
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
        if (value instanceof List<?> responses && !responses.isEmpty() && responses.get(0) instanceof Map<?, ?> first) {
            value = first.get("hits");
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
