package io.akhbar.localstack.bench;

import io.akhbar.localstack.Service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@link PipelineBench} runs. {@code --quick} only changes the defaults; options given explicitly win whatever
 * their position.
 *
 * @param articles          articles per throughput scenario (end to end, raw bulk, ingest, producer tool)
 * @param searchDocs        documents the alias holds before the search scenario
 * @param clients           concurrent search clients
 * @param duration          measured time of each search path (the two take turns)
 * @param searchWarmup      unmeasured load on each search path before the measured turns
 * @param freshnessDuration how long the paced producer runs, for the pipeline and for the direct baseline
 * @param freshnessWarmup   unmeasured paced load (single POSTs, single index requests) before each freshness run
 * @param rate              articles per second of the paced producer
 * @param streamArticles    articles per run of the live-stream scenario (without, then with subscribers)
 * @param streamSubscribers open live streams during its second run
 * @param batchSize         articles per ingest batch and per Elasticsearch bulk request
 * @param senders           concurrent batch or bulk requests
 * @param warmup            articles sent through the pipeline before anything is measured
 * @param seed              seed of the article generator
 * @param isolateIngest     pause nlp-service and search-service while ingest and the producer tool are measured
 * @param report            where to write the results as Markdown, or null
 * @param keepLogs          keep the stack's work directory (logs) after the run
 * @param serviceArguments  extra command-line arguments by service module, e.g. to try a setting
 * @param scenarios         which of {@link #SCENARIOS} to run (peak memory is always reported)
 */
record BenchOptions(int articles, int searchDocs, int clients, Duration duration, Duration searchWarmup,
                    Duration freshnessDuration, Duration freshnessWarmup, int rate, int streamArticles,
                    int streamSubscribers, int batchSize, int senders, int warmup, long seed, boolean isolateIngest,
                    boolean quick, Path report, boolean keepLogs, Map<String, List<String>> serviceArguments,
                    Set<String> scenarios) {

    /** The measured scenarios, in the order they run; {@code --scenarios} picks some. */
    static final List<String> SCENARIOS = List.of("end-to-end", "ingest", "freshness", "stream", "search");

    static final BenchOptions FULL = new BenchOptions(20_000, 100_000, 20, Duration.ofSeconds(30),
            Duration.ofSeconds(120), Duration.ofSeconds(30), Duration.ofSeconds(180), 200, 5_000, 300, 500, 2, 5_000, 7L,
            true, false, null, false, Map.of(), Set.copyOf(SCENARIOS));
    static final BenchOptions QUICK = new BenchOptions(2_000, 5_000, 20, Duration.ofSeconds(10),
            Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(2), 200, 1_000, 300, 500, 2, 200, 7L,
            true, true, null, false, Map.of(), Set.copyOf(SCENARIOS));

    /** The batch endpoint takes at most this many items. */
    static final int MAX_BATCH = 1_000;

    static final String USAGE = """
            Usage: PipelineBench [--quick] [options]
              --quick                  small smoke run (defaults below in brackets)
              --articles N             articles per throughput scenario           (20000 [2000])
              --search-docs N          documents in the index for search latency  (100000 [5000])
              --clients N              concurrent search clients                  (20)
              --duration D             measured time of each search path          (30s [10s])
              --search-warmup D        unmeasured load on each search path first  (120s [2s])
              --freshness-duration D   time of each paced freshness run           (30s [10s])
              --freshness-warmup D     unmeasured paced load before each of them  (180s [2s])
              --rate N                 articles/s of the paced freshness runs     (200)
              --stream-articles N      articles per run of the live-stream scenario (5000 [1000])
              --stream-subscribers N   open live streams in its loaded run        (300)
              --batch-size N           articles per ingest batch and bulk request (500, at most 1000)
              --senders N              concurrent batch and bulk requests         (2)
              --warmup N               articles through the pipeline before measuring (5000 [200])
              --seed N                 article generator seed                     (7)
              --no-isolate-ingest      keep nlp and search running while ingest is measured
              --report FILE            also write the results as Markdown to FILE
              --keep-logs              keep the stack's logs after the run
              --scenarios LIST         run only these, comma-separated, of: end-to-end, ingest,
                                       freshness, stream, search                  (all)
              --service-arg M:ARG      pass ARG to service module M (repeatable), e.g.
                                       search-service:--spring.cloud.stream.bindings.index-in-0.consumer.concurrency=2;
                                       an ARG that starts with -X goes to its JVM, e.g. search-service:-Xmn128m
            Durations: 30s, 2m, 500ms or plain seconds.""";

    static BenchOptions parse(String... args) {
        List<String> arguments = split(args);
        Builder options = new Builder(arguments.contains("--quick") ? QUICK : FULL);
        for (int i = 0; i < arguments.size(); i++) {
            String name = arguments.get(i);
            switch (name) {
                case "--quick" -> { }
                case "--no-isolate-ingest" -> options.isolateIngest = false;
                case "--keep-logs" -> options.keepLogs = true;
                default -> {
                    if (!name.startsWith("--") || i + 1 >= arguments.size()) {
                        throw new IllegalArgumentException(name.startsWith("--")
                                ? name + " needs a value" : "Unexpected argument " + name);
                    }
                    options.set(name, arguments.get(++i));
                }
            }
        }
        return options.build();
    }

    /** {@code --name=value} becomes {@code --name value}. */
    private static List<String> split(String... args) {
        List<String> arguments = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                arguments.add(arg.substring(0, equals));
                arguments.add(arg.substring(equals + 1));
            } else {
                arguments.add(arg);
            }
        }
        return arguments;
    }

    private static final class Builder {
        private int articles;
        private int searchDocs;
        private int clients;
        private Duration duration;
        private Duration searchWarmup;
        private Duration freshnessDuration;
        private Duration freshnessWarmup;
        private int rate;
        private int streamArticles;
        private int streamSubscribers;
        private int batchSize;
        private int senders;
        private int warmup;
        private long seed;
        private boolean isolateIngest;
        private final boolean quick;
        private Path report;
        private boolean keepLogs;
        private final Map<String, List<String>> serviceArguments = new LinkedHashMap<>();
        private Set<String> scenarios;

        Builder(BenchOptions defaults) {
            articles = defaults.articles;
            searchDocs = defaults.searchDocs;
            clients = defaults.clients;
            duration = defaults.duration;
            searchWarmup = defaults.searchWarmup;
            freshnessDuration = defaults.freshnessDuration;
            freshnessWarmup = defaults.freshnessWarmup;
            rate = defaults.rate;
            streamArticles = defaults.streamArticles;
            streamSubscribers = defaults.streamSubscribers;
            batchSize = defaults.batchSize;
            senders = defaults.senders;
            warmup = defaults.warmup;
            seed = defaults.seed;
            isolateIngest = defaults.isolateIngest;
            quick = defaults.quick;
            report = defaults.report;
            keepLogs = defaults.keepLogs;
            scenarios = defaults.scenarios;
        }

        void set(String name, String value) {
            switch (name) {
                case "--articles" -> articles = positive(name, value);
                case "--search-docs" -> searchDocs = positive(name, value);
                case "--clients" -> clients = positive(name, value);
                case "--duration" -> duration = positiveDuration(name, value);
                case "--search-warmup" -> searchWarmup = parseDuration(value);
                case "--freshness-duration" -> freshnessDuration = positiveDuration(name, value);
                case "--freshness-warmup" -> freshnessWarmup = parseDuration(value);
                case "--rate" -> rate = positive(name, value);
                case "--stream-articles" -> streamArticles = positive(name, value);
                case "--stream-subscribers" -> streamSubscribers = positive(name, value);
                case "--batch-size" -> batchSize = positive(name, value);
                case "--senders" -> senders = positive(name, value);
                case "--warmup" -> warmup = (int) number(name, value);
                case "--seed" -> seed = number(name, value);
                case "--report" -> report = Path.of(value);
                case "--scenarios" -> scenarios = scenarios(value);
                case "--service-arg" -> {
                    int colon = value.indexOf(':');
                    if (colon < 1 || colon == value.length() - 1) {
                        throw new IllegalArgumentException("--service-arg takes MODULE:ARGUMENT, not " + value);
                    }
                    // Fails here, before anything starts, for a module that is not a service.
                    Service.ofModule(value.substring(0, colon));
                    serviceArguments.computeIfAbsent(value.substring(0, colon), ignored -> new ArrayList<>())
                            .add(value.substring(colon + 1));
                }
                default -> throw new IllegalArgumentException("Unknown option " + name);
            }
        }

        BenchOptions build() {
            if (batchSize > MAX_BATCH) {
                throw new IllegalArgumentException("--batch-size is at most " + MAX_BATCH
                        + " (the batch endpoint's limit)");
            }
            if (warmup < 0 || searchWarmup.isNegative() || freshnessWarmup.isNegative()) {
                throw new IllegalArgumentException(
                        "--warmup, --search-warmup and --freshness-warmup must not be negative");
            }
            return new BenchOptions(articles, searchDocs, clients, duration, searchWarmup, freshnessDuration,
                    freshnessWarmup, rate,
                    streamArticles, streamSubscribers, batchSize, senders, warmup, seed, isolateIngest, quick, report,
                    keepLogs, Map.copyOf(serviceArguments), scenarios);
        }
    }

    private static Set<String> scenarios(String list) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            String scenario = name.trim();
            if (!SCENARIOS.contains(scenario)) {
                throw new IllegalArgumentException("Unknown scenario " + scenario + " (choose from "
                        + String.join(", ", SCENARIOS) + ")");
            }
            chosen.add(scenario);
        }
        return Set.copyOf(chosen);
    }

    /** e.g. {@code 30s}, {@code 2m}, {@code 500ms}, or a plain number of seconds. */
    static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a duration: " + text + " (try 30s, 2m or 500ms)");
        }
    }

    private static Duration positiveDuration(String name, String value) {
        Duration parsed = parseDuration(value);
        if (parsed.isNegative() || parsed.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return parsed;
    }

    private static int positive(String name, String value) {
        long parsed = number(name, value);
        if (parsed < 1 || parsed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 and " + Integer.MAX_VALUE);
        }
        return (int) parsed;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not " + value);
        }
    }
}
