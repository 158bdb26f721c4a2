package io.akhbar.benchmarks;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link EnrichmentBenchmark} with JMH (any JMH option may be given, e.g. {@code -p article=3kb -wi 2 -i 3})
 * and prints articles per second per core for the enrichment and for Lucene's ArabicAnalyzer, their ratio, and the
 * bytes allocated per article. Named explicitly ({@code LogLineBenchmark}), {@link LogLineBenchmark} prints lines per
 * second and bytes allocated per line for each log format, next to Boot's {@code ecs}.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions command = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(command);
        if (command.getIncludes().isEmpty()) {
            builder.include(EnrichmentBenchmark.class.getSimpleName());
        }
        Options options = builder.addProfiler(GCProfiler.class).build();
        Collection<RunResult> results = new Runner(options).run();

        printEnrichment(results.stream().filter(r -> benchmarkOf(r, EnrichmentBenchmark.class)).toList());
        printLogLines(results.stream().filter(r -> benchmarkOf(r, LogLineBenchmark.class)).toList());
    }

    private static boolean benchmarkOf(RunResult result, Class<?> benchmark) {
        return result.getParams().getBenchmark().startsWith(benchmark.getName() + ".");
    }

    private static void printEnrichment(Collection<RunResult> results) {
        if (results.isEmpty()) {
            return;
        }
        // per article: wall-clock ops/s, ops per CPU second and bytes allocated per op; enrichment then Lucene
        Map<String, double[]> byArticle = new TreeMap<>();
        for (RunResult r : results) {
            String article = r.getParams().getParam("article");
            int at = r.getParams().getBenchmark().endsWith(".enrichment") ? 0 : 3;
            double[] row = byArticle.computeIfAbsent(article, k -> new double[6]);
            Map<String, Result> secondary = r.getSecondaryResults();
            row[at] = r.getPrimaryResult().getScore();
            row[at + 1] = secondary.containsKey("cpuNanos") && secondary.get("cpuNanos").getScore() > 0
                    ? secondary.get("calls").getScore() / secondary.get("cpuNanos").getScore() * 1e9 : Double.NaN;
            row[at + 2] = secondary.containsKey("gc.alloc.rate.norm") ? secondary.get("gc.alloc.rate.norm").getScore() : Double.NaN;
        }
        System.out.println();
        System.out.println("Full enrichment vs Lucene's ArabicAnalyzer, one thread, -Xmx256m. Articles per second of wall clock,");
        System.out.println("and per second of thread CPU time (the per-core figure where other processes share the cores).");
        System.out.printf("%-7s %5s %5s | %11s %11s %10s | %11s %11s %10s | %s%n", "article", "chars", "bytes",
                "enrich/s", "enrich/cpu-s", "B/article", "lucene/s", "lucene/cpu-s", "B/article", "lucene/enrich (cpu)");
        for (Map.Entry<String, double[]> e : byArticle.entrySet()) {
            String text = Articles.byName(e.getKey());
            double[] r = e.getValue();
            System.out.printf("%-7s %5d %5d | %11.0f %11.0f %10.0f | %11.0f %11.0f %10.0f | %.1fx%n", e.getKey(),
                    text.length(), Articles.utf8Bytes(text), r[0], r[1], r[2], r[3], r[4], r[5], r[4] / r[1]);
        }
    }

    private static void printLogLines(Collection<RunResult> results) {
        if (results.isEmpty()) {
            return;
        }
        double baseline = results.stream()
                .filter(r -> LogLineBenchmark.BOOTS_ECS.equals(r.getParams().getParam("format")))
                .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst().orElse(Double.NaN);
        System.out.println();
        System.out.println("The \"accepted\" line through Boot's StructuredLogEncoder, one thread, -Xmx256m.");
        System.out.printf("%-36s %12s %9s %10s %s%n", "format", "lines/s", "us/line", "B/line", "vs ecs");
        for (RunResult r : results) {
            double perSecond = r.getPrimaryResult().getScore();
            Result allocated = r.getSecondaryResults().get("gc.alloc.rate.norm");
            // Without a run of ecs beside it (-p format=…), there is no ratio to print.
            String ratio = Double.isNaN(baseline) ? "-" : "%.2fx".formatted(perSecond / baseline);
            System.out.printf("%-36s %12.0f %9.2f %10.0f %s%n", r.getParams().getParam("format"), perSecond,
                    1e6 / perSecond, allocated == null ? Double.NaN : allocated.getScore(), ratio);
        }
    }
}
