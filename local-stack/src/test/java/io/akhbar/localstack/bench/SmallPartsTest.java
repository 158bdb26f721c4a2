package io.akhbar.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.akhbar.localstack.BenchSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's small parsers and writers. */
class SmallPartsTest {

    @Test
    void elasticsearchWorkOfAPhaseIsTheDifferenceOfTwoSnapshots() {
        String line = BenchContext.describeElasticWork(
                Map.of("indexing.index_time_in_millis", 1_000L, "indexing.index_total", 10L),
                Map.of("indexing.index_time_in_millis", 3_500L, "indexing.index_total", 510L,
                        "search.query_time_in_millis", 250L, "search.query_total", 4L,
                        "request_cache.hit_count", 3L));

        assertThat(line).contains("indexing 2.5 (500 docs)", "search query 0.3 (4)", "fetch 0.0 (0)",
                "request cache 3 hits, 0 misses");
    }

    @Test
    void elasticsearchSearchTimeIsSplitByTheKindsThatRanInThePhase() {
        String line = BenchContext.describeElasticWork(
                Map.of("search.groups.story-look-up.query_total", 10L,
                        "search.groups.story-look-up.query_time_in_millis", 500L,
                        "search.groups.stream-look.query_total", 7L),
                Map.of("search.groups.story-look-up.query_total", 64L,
                        "search.groups.story-look-up.query_time_in_millis", 4_957L,
                        "search.groups.stream-fetch.query_total", 3L,
                        "search.groups.stream-fetch.query_time_in_millis", 12L,
                        "search.groups.stream-fetch.fetch_time_in_millis", 1_830L,
                        "search.groups.stream-look.query_total", 7L));

        assertThat(line).endsWith("; by kind, query (requests) + fetch: story-look-up 4.5 (54) + 0.0,"
                + " stream-fetch 0.0 (3) + 1.8");
    }

    @Test
    void eventLinesAreFoundOnlyAsWholeLines() {
        String wire = "event:ready\ndata:{}\n\n: keep-alive\n\n"
                + "id:MTo\nevent:article\ndata:{\"title\":\"event:article\"}\n\n"
                + "id:Mjo\nevent:article\ndata:{\"title\":\"بوتين\"}\n\n"
                + "event:articles\nxevent:article\n";
        SseReaders.EventLines articles = new SseReaders.EventLines("article");
        SseReaders.EventLines ready = new SseReaders.EventLines("ready");
        int articleLines = 0;
        int readyLines = 0;

        for (byte b : wire.getBytes(StandardCharsets.UTF_8)) {
            articleLines += articles.next(b) ? 1 : 0;
            readyLines += ready.next(b) ? 1 : 0;
        }

        assertThat(articleLines).isEqualTo(2);
        assertThat(readyLines).isEqualTo(1);
    }

    @Test
    void jsonTextRoundTripsWhatTheReaderReads() {
        String json = "{\"bool\":{\"must\":[{\"multi_match\":{\"query\":\"بوتين \\\"x\\\"\",\"boost\":0.3,"
                + "\"slop\":2}}],\"minimum_should_match\":\"1\",\"flag\":true,\"none\":null}}";

        assertThat(JsonText.write(BenchSupport.parseJson(json))).isEqualTo(json);
        assertThat(JsonText.quote("a\nb\u0001")).isEqualTo("\"a\\nb\\u0001\"");
    }

    @Test
    void processMemoryReadsPeakAndCurrentResidentSize() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t  412344 kB\nVmRSS:\t  398000 kB\nThreads:\t40\n";

        ProcessMemory memory = ProcessMemory.parse(42, status);

        assertThat(memory.peakBytes()).isEqualTo(412_344L * 1024);
        assertThat(memory.currentBytes()).isEqualTo(398_000L * 1024);
        assertThatThrownBy(() -> ProcessMemory.parse(42, "Name:\tjava\n")).hasMessageContaining("VmHWM");
    }

    @Test
    void theMappingDecidesWhichFieldsADocumentKeeps() {
        IndexDefinition definition = IndexDefinition.parse(9, """
                {"settings": {"number_of_shards": 1},
                 "mappings": {"dynamic": "strict", "properties": {
                   "id": {"type": "keyword"}, "title": {"type": "text"},
                   "entities": {"type": "nested", "properties": {"id": {"type": "keyword"}}}}}}""");
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", "person:x");
        entity.put("salience", 0.5);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", "a");
        document.put("title", "t");
        document.put("fingerprint", "ff");
        document.put("entities", List.of(entity));

        assertThat(definition.retainMapped(document))
                .isEqualTo(Map.of("id", "a", "title", "t", "entities", List.of(Map.of("id", "person:x"))));
        assertThat(definition.version()).isEqualTo(9);
    }

    @Test
    void bulkAnswersTellTheFirstRefusedDocument() {
        assertThat(Elastic.firstRefusal("{\"took\":3,\"errors\":false,\"items\":[]}")).isNull();
        String refused = "{\"took\":3,\"errors\":true,\"items\":[{\"index\":{\"_id\":\"a\",\"status\":201}},"
                + "{\"index\":{\"_id\":\"b\",\"status\":400,\"error\":{\"type\":\"strict_dynamic_mapping_exception\"}}}]}";
        assertThat(Elastic.firstRefusal(refused)).isEqualTo("b: {\"type\":\"strict_dynamic_mapping_exception\"}");
    }

    @Test
    void theIndexShapeIsThePrimariesSegmentsAndDocuments() {
        String stats = "{\"_all\":{\"primaries\":{\"docs\":{\"count\":336146,\"deleted\":12},"
                + "\"segments\":{\"count\":13,\"memory_in_bytes\":0}},\"total\":{\"docs\":{\"count\":1},"
                + "\"segments\":{\"count\":1}}},\"indices\":{}}";

        assertThat(Elastic.IndexShape.of(BenchSupport.parseJsonObject(stats)))
                .isEqualTo(new Elastic.IndexShape(13, 336_146, 12));
    }

    @Test
    void theProbeReadsTheIdsOfAnAnswer() {
        String answer = "{\"hits\":{\"total\":{\"value\":2},\"hits\":[{\"_index\":\"articles-v2\",\"_id\":\"x1\"},"
                + "{\"_id\":\"x2\"}]}}";

        assertThat(FreshnessProbe.hitIds(answer)).containsExactly("x1", "x2");
        assertThat(FreshnessProbe.hitIds("{\"hits\":{\"hits\":[]}}")).isEmpty();
    }

    @Test
    void ndjsonBatchesHoldTheGivenNumberOfLines() {
        List<byte[]> batches = IngestClient.ndjsonBatches(List.of("{\"body\":\"1\"}", "{\"body\":\"2\"}",
                "{\"body\":\"3\"}"), 2);

        assertThat(batches).hasSize(2);
        assertThat(new String(batches.get(0), StandardCharsets.UTF_8)).isEqualTo("{\"body\":\"1\"}\n{\"body\":\"2\"}\n");
        assertThat(new String(batches.get(1), StandardCharsets.UTF_8)).isEqualTo("{\"body\":\"3\"}\n");
    }

    @Test
    void theDirectRequestHasTheServicesShape() {
        List<String> lines = DirectQuery.searchBody(DirectQuery.equivalentQuery("بوتين موسكو"), 10,
                DirectQuery.Settings.DEFAULTS).lines().toList();

        assertThat(lines).hasSize(4);
        Map<String, Object> hits = BenchSupport.parseJsonObject(lines.get(1));
        assertThat(hits).containsKeys("query", "highlight", "sort", "_source").doesNotContainKey("aggs")
                .containsEntry("size", 10.0).containsEntry("track_total_hits", false);
        assertThat(JsonText.write(hits.get("query"))).contains("title^2", "body.exact", "بوتين", "موسكو");
        assertThat(BenchSupport.parseJsonObject(lines.get(2))).containsEntry("request_cache", true);
        Map<String, Object> facets = BenchSupport.parseJsonObject(lines.get(3));
        assertThat(facets).containsEntry("size", 0.0).containsEntry("query", hits.get("query"))
                .containsEntry("track_total_hits", true);
        @SuppressWarnings("unchecked") Map<String, Object> aggregations = (Map<String, Object>) facets.get("aggs");
        assertThat(aggregations).containsKeys("persons", "places", "organizations", "sources",
                "languages", "days");
    }

    @Test
    void theDirectRequestTakesTheServicesQuerySettings() {
        String yaml = "akhbar:\n  query:\n    max-query-length: 512\n    snippet-length: 200\n    snippets: 2\n"
                + "    cursor-keep-alive: 5m\n";

        assertThat(DirectQuery.Settings.parse(yaml)).isEqualTo(new DirectQuery.Settings(200, 2,
                DirectQuery.Settings.DEFAULTS.facetSize()));
    }

    @Test
    void elasticsearchsOwnTimeIsTheTookOfTheAnswer() {
        assertThat(SearchLatency.took(new BenchHttp.Response(200, "{\"took\":12,\"timed_out\":false}", 1)))
                .isEqualTo(12_000_000L);
        assertThat(SearchLatency.took(new BenchHttp.Response(200, "{\"total\":3}", 1))).isEqualTo(-1);
    }

    @Test
    void cpuPhasesBecomeOneRowEach() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        CpuUsage.PROCESSES.forEach(process -> seconds.put(process, 1.0));
        seconds.put("nlp-service", 12.25);

        CpuUsage.Phase phase = new CpuUsage.Phase("end to end, N=10", 10.0, seconds,
                Map.of("nlp-service", 4.5, "kafka", 0.01));
        String table = CpuUsage.toMarkdown(List.of(phase));

        assertThat(table).startsWith("| phase | wall s | ingest-service | nlp-service | search-service | kafka |");
        assertThat(table).contains("| end to end, N=10 | 10.0 | 1.0 | 12.3 (JIT 4.5) | 1.0 | 1.0 | 1.0 | 1.0 | 17.3 |");
        assertThat(phase.describe()).contains("nlp-service 12.3 (JIT 4.5), search-service 1.0, kafka 1.0,");
    }

    @Test
    void compilerTimeIsTheUserAndSystemTicksOfTheCompilerThreadsOnly(@TempDir Path tasks) throws IOException {
        thread(tasks, "101", "C2 CompilerThre", "S 1 1 1 0 -1 4194368 9 0 0 0 250 30 0 0 20 0 40 0 300");
        thread(tasks, "102", "C1 CompilerThre", "S 1 1 1 0 -1 4194368 9 0 0 0 100 20 0 0 20 0 40 0 300");
        thread(tasks, "103", "http-nio-8083-e", "S 1 1 1 0 -1 4194368 9 0 0 0 9000 900 0 0 20 0 40 0 300");
        // The name in parentheses may hold spaces and parentheses: fields are counted after the last ')'.
        assertThat(CpuUsage.threadSeconds("7 (a) b) R 1 1 1 0 -1 4194368 9 0 0 0 12 3 0 0 20 0 40 0 300"))
                .isEqualTo(0.15);

        assertThat(CpuUsage.compilerSeconds(tasks)).isEqualTo(4.0);
        assertThat(CpuUsage.compilerSeconds(tasks.resolve("gone"))).isZero();
    }

    private static void thread(Path tasks, String id, String name, String statAfterName) throws IOException {
        Path thread = Files.createDirectories(tasks.resolve(id));
        Files.writeString(thread.resolve("comm"), name + "\n");
        Files.writeString(thread.resolve("stat"), id + " (" + name + ") " + statAfterName + "\n");
    }

    @Test
    void aRecordingAddsUpTheTurnsOfItsTarget() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        LoadRun.Recording recording = new LoadRun.Recording(2, response -> 5_000_000L);
        LoadRun.Request answered = (client, iteration) -> {
            calls.incrementAndGet();
            return new BenchHttp.Response(200, "{}", 1);
        };
        LoadRun.Request refused = (client, iteration) -> new BenchHttp.Response(503, "busy", 1);

        recording.run(Duration.ZERO, Duration.ofMillis(50), answered);
        recording.run(Duration.ZERO, Duration.ofMillis(50), refused);
        recording.run(Duration.ZERO, Duration.ofMillis(50), answered);
        LoadRun.Result result = recording.result();

        assertThat(result.latency().count()).isEqualTo(calls.get()).isPositive();
        assertThat(result.serverTime().p50()).isEqualTo(5_000_000L);
        assertThat(result.errors()).isPositive();
        assertThat(result.firstError()).startsWith("HTTP 503");
        // Successful answers over the three turns' measured time together.
        assertThat(result.perSecond()).isCloseTo(calls.get() / 0.15, within(1e-6));
    }

    @Test
    void machineFilesAreReadByKey() {
        assertThat(Machine.field("processor\t: 0\nmodel name\t: Some CPU @ 2.2GHz\n", "model name"))
                .contains("Some CPU @ 2.2GHz");
        assertThat(Machine.field("NAME=\"Debian\"\nPRETTY_NAME=\"Debian GNU/Linux 12\"\n", "PRETTY_NAME"))
                .contains("\"Debian GNU/Linux 12\"");
        assertThat(Machine.field("MemTotal:       24000000 kB\n", "MemFree")).isEmpty();
    }
}
