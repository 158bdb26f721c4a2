package io.akhbar.localstack.bench;

import io.akhbar.localstack.BenchSupport;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The few Elasticsearch calls the benchmark makes, over plain HTTP, so that the client adds nothing of its own. */
final class Elastic {

    /** Where {@link #workTotals()} puts each stats group's figures: {@code search.groups.<group>.<field>}. */
    static final String SEARCH_GROUPS = "search.groups.";

    static final String NDJSON = "application/x-ndjson";
    static final String JSON = "application/json";
    private static final int READ_BACK_PAGE = 1_000;

    private final BenchHttp http;
    private final String url;

    Elastic(BenchHttp http, String url) {
        this.http = http;
        this.url = url;
    }

    String url() {
        return url;
    }

    /** Creates the index from a definition file's text, without replicas (one node), as search-service does. */
    void createIndex(String index, String definition) throws IOException, InterruptedException {
        require(http.put(url + "/" + index, JSON, definition), "create index " + index);
        require(http.put(url + "/" + index + "/_settings", JSON, "{\"index\":{\"number_of_replicas\":0}}"),
                "set replicas of " + index);
        // Not part of any figure: a baseline starts when the index can take documents.
        awaitSearchable(index, Duration.ofSeconds(60));
    }

    void deleteIndex(String index) throws IOException, InterruptedException {
        BenchHttp.Response response = http.delete(url + "/" + index);
        if (response.status() != 404) {
            require(response, "delete index " + index);
        }
    }

    boolean exists(String indexOrAlias) throws IOException, InterruptedException {
        return http.get(url + "/" + indexOrAlias).status() == 200;
    }

    /** Documents visible to search (refreshed); 0 when the index does not exist yet. */
    long count(String index) throws IOException, InterruptedException {
        BenchHttp.Response response = countResponse(index);
        if (response.status() == 404) {
            return 0;
        }
        require(response, "count " + index);
        return ((Number) BenchSupport.parseJsonObject(response.body()).get("count")).longValue();
    }

    private BenchHttp.Response countResponse(String index) throws IOException, InterruptedException {
        return http.get(url + "/" + index + "/_count");
    }

    /**
     * Waits until the index (or alias) answers searches: a new index's shard takes a moment to start, and until then
     * searches fail with 503 even when cluster health is already yellow.
     */
    void awaitSearchable(String index, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        BenchHttp.Response response;
        while (!(response = countResponse(index)).isSuccessful()) {
            if (System.nanoTime() > deadline) {
                require(response, "search " + index + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    /**
     * Waits until no merge runs on any node, polling {@code merges.current}; false when merges still ran at the
     * timeout. Without indexing, the merges a refresh started finish and start no others.
     */
    boolean awaitNoMerges(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (workTotals().getOrDefault("merges.current", 0L) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    void refresh(String index) throws IOException, InterruptedException {
        require(http.post(url + "/" + index + "/_refresh", JSON, ""), "refresh " + index);
    }

    /**
     * Sends one bulk request, again while Elasticsearch pushes back (429). A refused item fails the benchmark: it
     * would mean the generated documents do not fit the mapping, and the figure would be wrong.
     */
    void bulk(byte[] ndjson) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            BenchHttp.Response response = http.post(url + "/_bulk", NDJSON, ndjson);
            if (response.status() == 429 && attempt < 30) {
                Thread.sleep(500);
                continue;
            }
            require(response, "bulk");
            String refusal = firstRefusal(response.body());
            if (refusal != null) {
                throw new IllegalStateException("Elasticsearch refused a document: " + refusal);
            }
            return;
        }
    }

    /**
     * Bulk bodies for {@code target} holding the documents of {@code index} indexed since {@code sinceMillis}, as
     * they are stored ({@code _source}), {@code perBody} to a body, read page by page in id order.
     */
    BulkBodies bulkBodiesOfIndexedSince(String index, long sinceMillis, String target, int perBody)
            throws IOException, InterruptedException {
        List<byte[]> bodies = new ArrayList<>();
        int documents = 0;
        StringBuilder body = new StringBuilder();
        int inBody = 0;
        String after = null;
        while (true) {
            String request = "{\"size\":" + READ_BACK_PAGE + ",\"query\":{\"range\":{\"indexedAt\":{\"gte\":"
                    + sinceMillis + ",\"format\":\"epoch_millis\"}}},\"sort\":[{\"id\":\"asc\"}]"
                    + (after == null ? "" : ",\"search_after\":[" + JsonText.quote(after) + "]") + "}";
            BenchHttp.Response response = search(index, request);
            require(response, "read back " + index);
            List<?> hits = (List<?>) ((Map<?, ?>) BenchSupport.parseJsonObject(response.body()).get("hits")).get("hits");
            for (Object item : hits) {
                Map<?, ?> hit = (Map<?, ?>) item;
                after = (String) hit.get("_id");
                body.append("{\"index\":{\"_index\":").append(JsonText.quote(target))
                        .append(",\"_id\":").append(JsonText.quote(after)).append("}}\n");
                JsonText.write(hit.get("_source"), body);
                body.append('\n');
                documents++;
                if (++inBody == perBody) {
                    bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
                    body.setLength(0);
                    inBody = 0;
                }
            }
            if (hits.size() < READ_BACK_PAGE) {
                break;
            }
        }
        if (inBody > 0) {
            bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new BulkBodies(bodies, documents);
    }

    record BulkBodies(List<byte[]> bodies, int documents) {
    }

    /**
     * Elasticsearch's own account of where its time went so far, summed over nodes and indices: milliseconds spent
     * indexing, in the query and fetch phases of searches, refreshing, merging, flushing, and the operation counts;
     * also the merges running now.
     * Thread time, so it includes waiting for a core; it tells the kinds of work apart, not the CPU each used.
     */
    Map<String, Long> workTotals() throws IOException, InterruptedException {
        BenchHttp.Response response = http.get(
                url + "/_nodes/stats/indices/indexing,search,refresh,merge,flush,request_cache?groups=_all");
        require(response, "node stats");
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<?, ?> nodes = (Map<?, ?>) BenchSupport.parseJsonObject(response.body()).get("nodes");
        for (Object node : nodes.values()) {
            Map<?, ?> indices = (Map<?, ?>) ((Map<?, ?>) node).get("indices");
            add(totals, indices, "indexing", "index_time_in_millis", "index_total");
            add(totals, indices, "search", "query_time_in_millis", "query_total");
            add(totals, indices, "search", "fetch_time_in_millis", "fetch_total");
            add(totals, indices, "refresh", "total_time_in_millis", "total");
            add(totals, indices, "merges", "total_time_in_millis", "total_docs", "current");
            add(totals, indices, "flush", "total_time_in_millis", "total");
            add(totals, indices, "request_cache", "hit_count", "miss_count");
            // The services name their kinds of search (story look-ups, the live stream's requests): per kind.
            Map<?, ?> search = (Map<?, ?>) indices.get("search");
            if (search != null && search.get("groups") instanceof Map<?, ?> groups) {
                groups.forEach((group, stats) -> add(totals, Map.of(SEARCH_GROUPS + group, stats),
                        SEARCH_GROUPS + group, "query_time_in_millis", "query_total", "fetch_time_in_millis"));
            }
        }
        return totals;
    }

    /**
     * How the index behind {@code indexOrAlias} is laid out: its segments, and its Lucene documents (each article's
     * nested entities are documents of their own) live and deleted. A search visits every segment and skips every
     * nested document, so the same articles can cost a search more in one index than in another.
     */
    IndexShape shape(String indexOrAlias) throws IOException, InterruptedException {
        BenchHttp.Response response = http.get(url + "/" + indexOrAlias + "/_stats/docs,segments");
        require(response, "read the stats of " + indexOrAlias);
        return IndexShape.of(BenchSupport.parseJsonObject(response.body()));
    }

    /** The primaries' totals of an {@code _stats/docs,segments} answer. */
    record IndexShape(long segments, long luceneDocuments, long deleted) {

        static IndexShape of(Map<String, Object> stats) {
            Map<?, ?> primaries = (Map<?, ?>) ((Map<?, ?>) stats.get("_all")).get("primaries");
            Map<?, ?> docs = (Map<?, ?>) primaries.get("docs");
            Map<?, ?> segments = (Map<?, ?>) primaries.get("segments");
            return new IndexShape(((Number) segments.get("count")).longValue(),
                    ((Number) docs.get("count")).longValue(), ((Number) docs.get("deleted")).longValue());
        }
    }

    private static void add(Map<String, Long> totals, Map<?, ?> indices, String section, String... fields) {
        Map<?, ?> values = (Map<?, ?>) indices.get(section);
        for (String field : fields) {
            Object value = values == null ? null : values.get(field);
            if (value instanceof Number number) {
                totals.merge(section + "." + field, number.longValue(), Long::sum);
            }
        }
    }

    BenchHttp.Response search(String index, String body) throws IOException, InterruptedException {
        return http.post(url + "/" + index + "/_search", JSON, body);
    }

    BenchHttp.Response multiSearch(String index, String ndjson) throws IOException, InterruptedException {
        return http.post(url + "/" + index + "/_msearch", NDJSON, ndjson);
    }

    /** Polls {@code _count} until it reaches {@code expected}; returns {@link System#nanoTime()} at that moment. */
    long awaitCount(String index, long expected, Duration timeout, Duration interval)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = 0;
        while (true) {
            BenchHttp.Response response = countResponse(index);
            // 503 while a new index's shard is being allocated, 404 before the first document created it.
            if (response.isSuccessful()) {
                seen = ((Number) BenchSupport.parseJsonObject(response.body()).get("count")).longValue();
                if (seen >= expected) {
                    break;
                }
            } else if (response.status() != 503 && response.status() != 404) {
                require(response, "count " + index);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(index + " holds " + seen + " searchable documents, not " + expected
                        + ", after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(interval.toMillis());
        }
        return System.nanoTime();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The error of the first refused item of a bulk answer, or null; cheap when {@code "errors":false}. */
    static String firstRefusal(String bulkResponse) {
        if (!bulkResponse.contains("\"errors\":true")) {
            return null;
        }
        Object items = BenchSupport.parseJsonObject(bulkResponse).get("items");
        for (Object item : (List<?>) items) {
            for (Object result : ((Map<?, ?>) item).values()) {
                if (result instanceof Map<?, ?> map && map.get("error") != null) {
                    return map.get("_id") + ": " + JsonText.write(map.get("error"));
                }
            }
        }
        return null;
    }

    private static void require(BenchHttp.Response response, String what) {
        if (!response.isSuccessful()) {
            throw new IllegalStateException("Elasticsearch refused to " + what + ": HTTP " + response.status() + " "
                    + response.excerpt());
        }
    }
}
