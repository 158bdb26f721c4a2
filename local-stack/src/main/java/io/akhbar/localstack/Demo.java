package io.akhbar.localstack;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole pipeline locally, feeds it the sample articles and shows searches over them; then keeps it
 * running until Ctrl-C. Run through {@code ./akhbar demo}.
 */
public final class Demo {

    private static final List<String> EXAMPLE_QUERIES = List.of("بوتين", "ويتكوف");
    private static final Duration INDEXING_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final PrintStream out;

    private Demo(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        quietenLibraryLogging();
        boolean exitWhenDone = false;
        boolean randomPorts = false;
        for (String arg : args) {
            switch (arg) {
                case "--exit" -> exitWhenDone = true;
                case "--random-ports" -> randomPorts = true;
                case "-h", "--help" -> {
                    System.out.println("Usage: Demo [--exit] [--random-ports]");
                    System.out.println("  --exit          stop everything after the searches instead of waiting for Ctrl-C");
                    System.out.println("  --random-ports  use free ports instead of 9092, 9200 and 8081-8083");
                    return;
                }
                default -> {
                    System.err.println("Unknown option " + arg + "; try --help");
                    System.exit(2);
                }
            }
        }
        System.exit(new Demo(new PrintStream(System.out, true, StandardCharsets.UTF_8)).run(exitWhenDone, randomPorts));
    }

    private int run(boolean exitWhenDone, boolean randomPorts) throws InterruptedException {
        Path projectRoot = ProjectRoot.locate();
        List<SampleArticle> samples = SampleArticle.loadAll(projectRoot.resolve("samples"));
        LocalStack.Builder builder = LocalStack.builder().withServices(true).projectRoot(projectRoot);
        if (!randomPorts) {
            builder.fixedDefaultPorts();
        }
        out.println("Starting Kafka, Elasticsearch and the three services (this takes a minute)...");
        long started = System.nanoTime();
        LocalStack stack;
        try {
            // Stopped by the shutdown hook LocalStack registers, which is what Ctrl-C triggers.
            stack = builder.build().start();
        } catch (LocalStackException e) {
            System.err.println("The local stack did not start: " + e.getMessage());
            return 1;
        }
        out.printf("Everything is up after %d s (Kafka took %.1f s, Elasticsearch %.1f s, in parallel).%n%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                stack.kafkaStartupTime().toMillis() / 1000.0, stack.elasticsearchStartupTime().toMillis() / 1000.0);

        boolean allIndexed = false;
        try {
            Map<SampleArticle, String> ids = ingest(stack, samples);
            allIndexed = awaitSearchable(stack, ids);
            for (String query : EXAMPLE_QUERIES) {
                printSearch(stack, query);
            }
        } catch (Exception e) {
            out.println("The demo failed: " + e.getMessage());
        }
        if (!allIndexed) {
            stack.keepLogsOnClose();
            out.println("Something went wrong; the services' logs are in " + stack.logDirectory()
                    + " (kept after exit)");
        }
        printEndpoints(stack);
        if (exitWhenDone) {
            stack.close();
            return allIndexed ? 0 : 1;
        }
        out.println();
        out.println("Running until you press Ctrl-C; logs are in " + stack.logDirectory());
        new CountDownLatch(1).await();
        return 0;
    }

    private Map<SampleArticle, String> ingest(LocalStack stack, List<SampleArticle> samples) throws Exception {
        String url = stack.serviceUrl(Service.INGEST) + "/api/v1/articles";
        Map<SampleArticle, String> ids = new LinkedHashMap<>();
        for (SampleArticle sample : samples) {
            Http.Response response = Http.post(url, "text/plain; charset=UTF-8", sample.text(), REQUEST_TIMEOUT,
                    LocalStack.API_KEY_HEADER, stack.apiKey());
            if (!response.isSuccessful()) {
                throw new IllegalStateException("POST " + url + " answered " + response.status() + ": " + response.body());
            }
            String id = String.valueOf(Json.parseObject(response.body()).get("id"));
            out.printf("Ingested %s -> id %s (HTTP %d)%n", sample.fileName(), id, response.status());
            ids.put(sample, id);
        }
        out.println();
        return ids;
    }

    private boolean awaitSearchable(LocalStack stack, Map<SampleArticle, String> ids) throws InterruptedException {
        boolean all = true;
        for (Map.Entry<SampleArticle, String> entry : ids.entrySet()) {
            SampleArticle sample = entry.getKey();
            out.printf("Waiting until q=%s finds %s ... ", sample.probeWord(), sample.fileName());
            long started = System.nanoTime();
            long deadline = started + INDEXING_TIMEOUT.toNanos();
            String lastProblem = "no hits yet";
            boolean found = false;
            while (!found && System.nanoTime() < deadline) {
                try {
                    SearchResults results = search(stack, sample.probeWord());
                    found = results.containsId(entry.getValue());
                    lastProblem = results.total() + " hit(s), none with id " + entry.getValue();
                } catch (Exception e) {
                    // The pipeline is asynchronous: until the first article arrives the index may not be usable yet.
                    lastProblem = e.getMessage();
                }
                if (!found) {
                    Thread.sleep(500);
                }
            }
            if (found) {
                out.printf("found after %.1f s%n", (System.nanoTime() - started) / 1e9);
            } else {
                all = false;
                out.printf("NOT found within %d s (last answer: %s)%n", INDEXING_TIMEOUT.toSeconds(), lastProblem);
            }
        }
        out.println();
        return all;
    }

    private void printSearch(LocalStack stack, String query) throws Exception {
        SearchResults results = search(stack, query);
        out.printf("q=%s: %d hit(s)%n%s%n%n", query, results.total(), results.toTable());
    }

    private static SearchResults search(LocalStack stack, String query) throws Exception {
        String url = stack.serviceUrl(Service.SEARCH) + "/api/v1/search?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&size=5";
        Http.Response response = Http.get(url, REQUEST_TIMEOUT);
        if (!response.isSuccessful()) {
            throw new IllegalStateException("GET " + url + " answered " + response.status() + ": " + response.body());
        }
        return SearchResults.parse(response.body());
    }

    private void printEndpoints(LocalStack stack) {
        out.println("Endpoints:");
        for (Service service : Service.values()) {
            out.printf("  %-15s %s%n", service.module(), stack.serviceUrl(service));
        }
        out.printf("  %-15s %s%n", "kafka", stack.kafkaBootstrapServers());
        out.printf("  %-15s %s%n", "elasticsearch", stack.elasticsearchUrl());
        // This stack's own random key, so that the curl examples of the README work against the demo.
        out.printf("  %-15s %s (send as %s on ingest, feeds, admin and actuator)%n", "API key", stack.apiKey(),
                LocalStack.API_KEY_HEADER);
    }

    /** Must run before any logger exists: JUL and SLF4J read these once, at initialisation. */
    private static void quietenLibraryLogging() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "[%1$tT] %4$s %5$s%6$s%n");
        // The readiness check's Kafka admin client logs through SLF4J; the demo ships no SLF4J binding on purpose.
        System.setProperty("slf4j.internal.verbosity", "WARN");
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    }
}
