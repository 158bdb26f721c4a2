package io.akhbar.localstack.bench;

import io.akhbar.localstack.BenchSupport;
import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.LocalStackException;
import io.akhbar.localstack.Service;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pipeline benchmark behind {@code ./akhbar bench}: starts its own local stack (Kafka, Elasticsearch, the three
 * services on free ports), runs the scenarios one after another and prints each figure next to a baseline measured
 * in the same run. Figures from a shared or busy machine say little: take the ones you publish on a quiet one.
 */
public final class PipelineBench {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(6);

    private final BenchOptions options;
    private final PrintStream out;

    private PipelineBench(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        quietenLibraryLogging();
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new PipelineBench(options, new PrintStream(System.out, true, StandardCharsets.UTF_8)).run());
    }

    private int run() {
        Machine machine = Machine.describe();
        String loadBefore = Machine.loadAverage();
        Path root = BenchSupport.projectRoot();
        ArticleGenerator generator = ArticleGenerator.fromSamples(root.resolve("samples"), options.seed());
        IndexDefinition definition = IndexDefinition.newest(root);
        out.println("Akhbar pipeline benchmark" + (options.quick() ? " (--quick: a smoke run, not a measurement)" : ""));
        machine.lines().forEach(line -> out.println("  " + line));
        out.println("  Load average before start: " + loadBefore + " (1, 5, 15 min)");
        out.println("  " + parameters());
        out.println("Starting Kafka, Elasticsearch and the three services on free ports ...");

        LocalStack stack;
        try {
            // Six JVMs starting at once on two busy cores can take longer than the stack's defaults.
            LocalStack.Builder builder = LocalStack.builder().withServices(true).projectRoot(root)
                    .startupTimeout(STARTUP_TIMEOUT).keepWorkDirectory(options.keepLogs())
                    // The figures are the pipeline's: a per-client rate limit would measure the limit instead.
                    .serviceArguments("--akhbar.guard.rate-limit.enabled=false");
            options.serviceArguments().forEach((module, arguments) ->
                    builder.serviceArguments(Service.ofModule(module), arguments.toArray(String[]::new)));
            stack = builder.build().start();
        } catch (LocalStackException e) {
            System.err.println("The local stack did not start: " + e.getMessage());
            return 1;
        }
        ResultTable table = new ResultTable();
        BenchContext context;
        try (stack) {
            context = new BenchContext(stack, options, generator, definition, out);
            Map<String, ProcessMemory> atStart = PeakMemory.snapshot(stack);
            try {
                prepare(context);
            } catch (Exception e) {
                System.err.println("The benchmark could not prepare the pipeline: " + e.getMessage());
                return 1;
            }
            scenario(context, table, "end-to-end", "end-to-end throughput", ">= 0.8x raw",
                    () -> Throughput.endToEnd(context, table));
            scenario(context, table, "ingest", "ingest throughput", ">= 0.7x tool",
                    () -> Throughput.ingestVersusProducerTool(context, table));
            scenario(context, table, "freshness", "freshness", "p99 <= 2 s", () -> Freshness.run(context, table));
            scenario(context, table, "stream", "indexing with live-stream subscribers",
                    ">= " + StreamLoad.TARGET + "x", () -> StreamLoad.run(context, table));
            scenario(context, table, "search", "search latency", "p99 <= 50 ms",
                    () -> SearchLatency.run(context, table));
            PeakMemory.report(context, atStart, table);
            context.log("Stopping the stack ...");
        }
        String loadAfter = Machine.loadAverage();
        out.println();
        out.print(table.toText());
        out.println();
        context.notes().forEach(note -> out.println("Note: " + note));
        out.println();
        out.println("CPU seconds used in each measured phase (what bounds the figures):");
        out.print(CpuUsage.toMarkdown(context.cpuPhases()));
        out.println();
        out.println("Load average after the run: " + loadAfter + ". On a shared or busy machine these figures are "
                + "not comparable; publish figures from a quiet one.");
        if (options.report() != null) {
            writeReport(machine, loadBefore, loadAfter, table, context);
        }
        return table.rows().stream().anyMatch(row -> row.figure().startsWith("failed")) ? 1 : 0;
    }

    /** Waits for the index, finds out how ingest takes articles, and warms every JVM up. */
    private void prepare(BenchContext context) throws Exception {
        Elastic elastic = context.elastic();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!elastic.exists("_alias/" + BenchContext.ALIAS)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("search-service did not create the alias " + BenchContext.ALIAS);
            }
            Thread.sleep(500);
        }
        elastic.awaitSearchable(BenchContext.ALIAS, Duration.ofSeconds(120));
        if (!context.ingest().supportsBatches()) {
            context.useSingleArticles();
            context.note("ingest-service has no %s (404): articles are sent one per request, %d at a time",
                    IngestClient.BATCH_PATH, IngestClient.SINGLE_CONCURRENCY);
        }
        if (options.warmup() > 0) {
            context.log("Warm-up: %,d articles through the pipeline ...", options.warmup());
            context.submitUntilSearchable(context.prepareIngest(BenchContext.WARMUP_ARTICLES, options.warmup()));
            context.log("  done");
        }
    }

    private interface Scenario {
        void run() throws Exception;
    }

    /** A scenario that fails leaves a failed row and the next one runs; one not chosen with --scenarios is skipped. */
    private void scenario(BenchContext context, ResultTable table, String key, String name, String target,
                          Scenario scenario) {
        if (!options.scenarios().contains(key)) {
            return;
        }
        try {
            scenario.run();
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            context.log("%s failed: %s", name, reason);
            table.add(ResultTable.Row.failed(name, reason.lines().findFirst().orElse(reason), target));
        }
    }

    private String parameters() {
        return String.format(Locale.ROOT, "Parameters: --articles %d --search-docs %d --clients %d --duration %ds "
                        + "--search-warmup %ds --freshness-duration %ds --freshness-warmup %ds --rate %d "
                        + "--stream-articles %d --stream-subscribers %d --batch-size %d --senders %d --warmup %d "
                        + "--seed %d%s",
                options.articles(), options.searchDocs(), options.clients(), options.duration().toSeconds(),
                options.searchWarmup().toSeconds(), options.freshnessDuration().toSeconds(),
                options.freshnessWarmup().toSeconds(), options.rate(), options.streamArticles(),
                options.streamSubscribers(), options.batchSize(), options.senders(),
                options.warmup(), options.seed(), options.isolateIngest() ? "" : " --no-isolate-ingest")
                + (options.scenarios().containsAll(BenchOptions.SCENARIOS) ? "" : " --scenarios "
                        + String.join(",", BenchOptions.SCENARIOS.stream().filter(options.scenarios()::contains)
                                .toList()))
                + serviceArguments();
    }

    private String serviceArguments() {
        StringBuilder text = new StringBuilder();
        options.serviceArguments().forEach((module, arguments) ->
                arguments.forEach(argument -> text.append(" --service-arg ").append(module).append(':').append(argument)));
        return text.toString();
    }

    private void writeReport(Machine machine, String loadBefore, String loadAfter, ResultTable table,
                             BenchContext context) {
        StringBuilder report = new StringBuilder();
        report.append("### Run of ").append(LocalDate.now(ZoneOffset.UTC))
                .append(options.quick() ? " (--quick smoke run)" : "").append("\n\n");
        machine.lines().forEach(line -> report.append("- ").append(line.replaceAll("\\s+", " ")).append('\n'));
        report.append("- Load average before / after: ").append(loadBefore).append(" / ").append(loadAfter)
                .append('\n');
        report.append("- ").append(parameters()).append("\n\n");
        report.append(table.toMarkdown()).append('\n');
        context.notes().forEach(note -> report.append("- Note: ").append(note).append('\n'));
        report.append("\nCPU seconds used by each process in each measured phase:\n\n")
                .append(CpuUsage.toMarkdown(context.cpuPhases()));
        try {
            Files.writeString(options.report(), report.toString(), StandardCharsets.UTF_8);
            out.println("Results written to " + options.report());
        } catch (IOException e) {
            System.err.println("Cannot write " + options.report() + ": " + e.getMessage());
        }
    }

    /** As the demo does: before any logger exists. */
    private static void quietenLibraryLogging() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "[%1$tT] %4$s %5$s%6$s%n");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    }
}
