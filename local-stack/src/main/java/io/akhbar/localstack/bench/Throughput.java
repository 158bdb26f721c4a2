package io.akhbar.localstack.bench;

import io.akhbar.localstack.BenchSupport;
import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.bench.ResultTable.Row;
import io.akhbar.localstack.bench.ResultTable.Verdict;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The two throughput figures: the whole pipeline against a raw bulk, and ingest against Kafka's producer tool. */
@SuppressWarnings("unchecked")
final class Throughput {

    static final String RAW_INDEX = "bench-raw";
    static final String RAW_TOPIC = "articles.raw";
    static final String TOOL_TOPIC = "bench.producer-performance";
    static final double END_TO_END_TARGET = 0.8;
    static final double INGEST_TARGET = 0.7;
    /** Under the consumers' session timeout (45 s), so that pausing them does not make them leave their group. */
    static final long SAFE_PAUSE_SECONDS = 40;
    /** Where the ids of the ingest phase's unmeasured turn start, after the measured turn's. */
    private static final long WARMUP_OFFSET = 500_000_000L;

    private Throughput() {
    }

    /** Articles through ingest, Kafka, nlp and search until {@code _count} on the alias has them all. */
    static void endToEnd(BenchContext context, ResultTable table) throws Exception {
        int articles = context.options().articles();
        Elastic elastic = context.elastic();
        BenchContext.PreparedIngest prepared = context.prepareIngest(BenchContext.END_TO_END_ARTICLES, articles);
        long before = elastic.count(BenchContext.ALIAS);
        context.log("End to end: %,d articles (%,d MB) into ingest, until all are searchable ...", articles,
                prepared.bytes() >> 20);
        CpuUsage.Meter pipelineCpu = context.meter("end to end, N=" + articles);
        long indexedSince = System.currentTimeMillis();
        IngestClient.Submission submission = context.submit(prepared);
        prepared = null; // at the default N the request bodies take a hundred megabytes: let them go
        context.log("  ingest acknowledged %,d after %.1f s (%,.0f articles/s while the pipeline consumed), %d retries",
                submission.accepted(), seconds(submission.finished() - submission.started()), submission.perSecond(),
                submission.retries());
        long searchable = elastic.awaitCount(BenchContext.ALIAS, before + submission.accepted(),
                BenchContext.indexingTimeout(articles), BenchContext.POLL);
        double endToEnd = submission.accepted() / seconds(searchable - submission.started());
        context.log("  all searchable after %.1f s: %,.0f articles/s", seconds(searchable - submission.started()),
                endToEnd);
        context.measured(pipelineCpu);
        logStories(context);

        // The ceiling indexes exactly what the pipeline wrote: the documents as search-service stored them, with
        // the entities, mentions, keywords and quotes that NLP found, read back from the index.
        Elastic.BulkBodies written = elastic.bulkBodiesOfIndexedSince(BenchContext.ALIAS, indexedSince, RAW_INDEX,
                context.options().batchSize());
        int documents = written.documents();
        if (documents != submission.accepted()) {
            context.note("raw bulk: read back %,d documents indexed by the pipeline, not %,d", documents,
                    submission.accepted());
        }
        List<byte[]> bulks = written.bodies();
        elastic.deleteIndex(RAW_INDEX);
        elastic.createIndex(RAW_INDEX, context.definition().json());
        context.log("Raw bulk: the same %,d documents as search-service stored them, %d per request, %d requests at "
                + "a time, into %s (articles-v%d.json) ...", documents, context.options().batchSize(),
                context.options().senders(), RAW_INDEX, context.definition().version());
        CpuUsage.Meter rawCpu = context.meter("raw _bulk, N=" + articles);
        long started = System.nanoTime();
        long answered = context.bulkAll(bulks);
        bulks = null;
        long done = elastic.awaitCount(RAW_INDEX, documents, BenchContext.indexingTimeout(documents),
                BenchContext.POLL);
        double raw = documents / seconds(done - started);
        context.log("  bulk answered after %.1f s, all searchable after %.1f s: %,.0f articles/s",
                seconds(answered - started), seconds(done - started), raw);
        context.measured(rawCpu);
        elastic.deleteIndex(RAW_INDEX);

        table.add(new Row("end-to-end throughput (POST " + (context.batches() ? "batch" : "single")
                + " -> searchable), N=" + articles,
                ResultTable.perSecond(endToEnd, "articles"), ResultTable.perSecond(raw, "docs") + " raw ES _bulk",
                ResultTable.ratio(endToEnd / raw), ">= " + END_TO_END_TARGET + "x raw",
                Verdict.of(endToEnd >= END_TO_END_TARGET * raw)));
    }

    /**
     * Ingest to "Kafka acknowledged" against {@code ProducerPerformance} with as many records of the same average
     * size, on the same broker. Both run while nlp-service and search-service are paused (unless told not to), so
     * that neither competes with the pipeline's consumers for the CPU. Ingest first takes as many articles again,
     * unmeasured.
     */
    static void ingestVersusProducerTool(BenchContext context, ResultTable table) throws Exception {
        int articles = context.options().articles();
        LocalStack stack = context.stack();
        BenchContext.PreparedIngest warmup = context.prepareIngest(BenchContext.INGEST_ARTICLES + WARMUP_OFFSET,
                articles);
        BenchContext.PreparedIngest prepared = context.prepareIngest(BenchContext.INGEST_ARTICLES, articles);
        int recordSize = (int) Math.round((double) prepared.bytes() / articles);
        long before = context.elastic().count(BenchContext.ALIAS);
        int partitions = createToolTopic(stack.kafkaBootstrapServers());

        Map<String, List<Long>> pids = BenchSupport.childPids(stack);
        List<Long> consumers = new ArrayList<>();
        if (context.options().isolateIngest()) {
            consumers.addAll(pids.getOrDefault("nlp-service", List.of()));
            consumers.addAll(pids.getOrDefault("search-service", List.of()));
        }
        ProducerPerformanceTool.Summary tool;
        IngestClient.Submission warmedUp;
        IngestClient.Submission submission;
        long pausedSeconds;
        try (ServicePause pause = ServicePause.of(consumers)) {
            // At the rate of this phase, many times the pipeline's, ingest's hottest methods reach C2 only now, however
            // long the warm-up before was: the same load once more, unmeasured, so that the figure is ingest's own
            // steady rate rather than where its compilations happen to fall.
            context.log("Ingest warm-up: %,d articles to Kafka-acknowledged, as measured below but not measured%s ...",
                    articles, consumers.isEmpty() ? "" : "; nlp-service and search-service paused");
            CpuUsage.Meter warmupCpu = context.meter("ingest warm-up, not measured, N=" + articles);
            warmedUp = context.submit(warmup);
            warmup = null;
            context.measured(warmupCpu);
            context.log("  %,d accepted in %.1f s: %,.0f articles/s", warmedUp.accepted(),
                    seconds(warmedUp.finished() - warmedUp.started()), warmedUp.perSecond());
            context.log("Producer tool: %,d records of %,d bytes (the articles' mean size), acks=all, into %s "
                    + "(%d partitions) ...", articles, recordSize, TOOL_TOPIC, partitions);
            Path log = stack.logDirectory().resolve("producer-performance.log");
            CpuUsage.Meter toolCpu = context.meter("ProducerPerformance, N=" + articles);
            ProducerPerformanceTool.Outcome outcome = ProducerPerformanceTool.run(ProducerPerformanceTool.command(
                    javaExecutable(), List.of(BenchSupport.markerOption(stack)), BenchSupport.kafkaClasspath(),
                    TOOL_TOPIC, articles, recordSize, stack.kafkaBootstrapServers(), List.of("acks=all")), log,
                    Duration.ofSeconds(60 + articles / 100));
            tool = outcome.summary();
            context.log("  %,.0f records/s (%.1f MB/s), latency avg %.0f ms, p99 %d ms", tool.recordsPerSecond(),
                    tool.megabytesPerSecond(), tool.averageLatencyMillis(), tool.p99Millis());
            // The tool's JVM is the benchmark's child, whose CPU time its parent's does not include.
            context.measured(toolCpu);
            context.log("  the tool's own JVM (start-up included): CPU s %.1f", outcome.cpu().toMillis() / 1000.0);

            context.log("Ingest: %,d articles to Kafka-acknowledged ...", articles);
            CpuUsage.Meter ingestCpu = context.meter("ingest to Kafka ack, N=" + articles);
            submission = context.submit(prepared);
            prepared = null;
            pausedSeconds = pause.pausedSeconds();
            context.log("  %,d accepted in %.1f s: %,.0f articles/s, %d retries", submission.accepted(),
                    seconds(submission.finished() - submission.started()), submission.perSecond(),
                    submission.retries());
            context.measured(ingestCpu);
        }
        if (!consumers.isEmpty() && pausedSeconds > SAFE_PAUSE_SECONDS) {
            context.note("the consumers were paused for %d s, longer than their session timeout allows; "
                    + "use fewer --articles", pausedSeconds);
        }
        long resumed = System.nanoTime();
        long backlog = warmedUp.accepted() + submission.accepted();
        CpuUsage.Meter drainCpu = context.meter("nlp + search catching up, N=" + backlog);
        long drained = context.elastic().awaitCount(BenchContext.ALIAS, before + backlog,
                BenchContext.indexingTimeout(backlog), BenchContext.POLL);
        context.log("  nlp and search caught up with the %,d articles in %.1f s (%,.0f articles/s without ingest load)",
                backlog, seconds(drained - resumed), backlog / seconds(drained - resumed));
        context.measured(drainCpu);

        double ingest = submission.perSecond();
        table.add(new Row("ingest throughput (POST " + (context.batches() ? "batch" : "single")
                + " -> Kafka ack), N=" + articles,
                ResultTable.perSecond(ingest, "articles"),
                ResultTable.perSecond(tool.recordsPerSecond(), "records") + " ProducerPerformance",
                ResultTable.ratio(ingest / tool.recordsPerSecond()), ">= " + INGEST_TARGET + "x tool",
                Verdict.of(ingest >= INGEST_TARGET * tool.recordsPerSecond())));
    }

    /**
     * How search-service grouped the articles into stories (near-duplicates by fingerprint). The generated articles
     * are all different: a story with many of them would mean the fingerprints see them as alike, which makes both
     * the story look-ups and the story counts of a search page costlier than with real news.
     */
    private static void logStories(BenchContext context) {
        try {
            BenchHttp.Response response = context.elastic().search(BenchContext.ALIAS, "{\"size\":0,\"aggs\":{"
                    + "\"stories\":{\"cardinality\":{\"field\":\"storyId\"}},"
                    + "\"largest\":{\"terms\":{\"field\":\"storyId\",\"size\":1}}}}");
            Map<String, Object> aggregations = (Map<String, Object>) BenchSupport.parseJsonObject(response.body())
                    .get("aggregations");
            Object stories = ((Map<String, Object>) aggregations.get("stories")).get("value");
            List<?> largest = (List<?>) ((Map<String, Object>) aggregations.get("largest")).get("buckets");
            Object size = largest.isEmpty() ? 0 : ((Map<?, ?>) largest.get(0)).get("doc_count");
            context.log("  stories in the index: about %.0f; the largest holds %.0f articles", ((Number) stories)
                    .doubleValue(), ((Number) size).doubleValue());
            if (((Number) size).doubleValue() > 10) {
                context.note("search-service grouped up to %.0f generated articles into one story: their fingerprints "
                        + "look alike, which makes story look-ups and counts costlier than with real news",
                        ((Number) size).doubleValue());
            }
        } catch (Exception e) {
            context.log("  (no story statistics: %s)", e.toString());
        }
    }

    /** The tool's topic, with as many partitions as {@code articles.raw}; returns that number. */
    private static int createToolTopic(String bootstrapServers) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            int partitions = admin.describeTopics(List.of(RAW_TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(RAW_TOPIC).partitions().size();
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOOL_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOOL_TOPIC, partitions, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            return partitions;
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
