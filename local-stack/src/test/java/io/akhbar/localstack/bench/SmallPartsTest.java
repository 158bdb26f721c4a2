package io.akhbar.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.akhbar.localstack.BenchSupport;
import org.junit.jupiter.api.Test;

/** The benchmark's small parsers and writers. */
class SmallPartsTest {

    @Test
    void elasticsearchWorkOfAPhaseIsTheDifferenceOfTwoSnapshots() {
        String line = BenchContext.describeElasticWork(
                Map.of("indexing.index_time_in_millis", 1_000L, "indexing.index_total", 10L),
                Map.of("indexing.index_time_in_millis", 3_500L, "indexing.index_total", 510L,
                        "search.query_time_in_millis", 250L, "search.query_total", 4L));

        assertThat(line).contains("indexing 2.5 (500 docs)", "search query 0.3 (4)", "fetch 0.0 (0)");
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
                .containsEntry("size", 10.0).containsEntry("track_total_hits", true);
        assertThat(JsonText.write(hits.get("query"))).contains("title^2", "body.exact", "بوتين", "موسكو");
        assertThat(BenchSupport.parseJsonObject(lines.get(2))).containsEntry("request_cache", true);
        Map<String, Object> facets = BenchSupport.parseJsonObject(lines.get(3));
        assertThat(facets).containsEntry("size", 0.0).containsEntry("query", hits.get("query"));
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

        String table = CpuUsage.toMarkdown(List.of(new CpuUsage.Phase("end to end, N=10", 10.0, seconds)));

        assertThat(table).startsWith("| phase | wall s | ingest-service | nlp-service | search-service | kafka |");
        assertThat(table).contains("| end to end, N=10 | 10.0 | 1.0 | 12.3 | 1.0 | 1.0 | 1.0 | 1.0 | 17.3 |");
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
