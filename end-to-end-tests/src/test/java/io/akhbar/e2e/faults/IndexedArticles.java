package io.akhbar.e2e.faults;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Elasticsearch itself holds for one scenario, asked directly (not through search-service or the fault proxy):
 * every document under the alias whose {@code source} is the scenario's, with its {@code _id}.
 */
final class IndexedArticles {

    private static final String ALIAS = "articles";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String elasticsearchUrl;

    IndexedArticles(String elasticsearchUrl) {
        this.elasticsearchUrl = elasticsearchUrl;
    }

    /** Documents of this source across every index behind the alias, after a refresh. */
    long count(String source) throws IOException, InterruptedException {
        refresh();
        JsonNode answer = post("/" + ALIAS + "/_count", Map.of("query", termSource(source)));
        return answer.path("count").asLong();
    }

    /** The {@code _id} of every document of this source, one entry per document: a repeated id would show twice. */
    List<String> ids(String source) throws IOException, InterruptedException {
        refresh();
        List<String> ids = new ArrayList<>();
        JsonNode page = post("/" + ALIAS + "/_search?scroll=1m", Map.of(
                "size", 5_000, "_source", false, "query", termSource(source), "sort", List.of("_doc")));
        while (true) {
            JsonNode hits = page.path("hits").path("hits");
            if (hits.isEmpty()) {
                break;
            }
            hits.forEach(hit -> ids.add(hit.path("_id").asString()));
            page = post("/_search/scroll", Map.of("scroll", "1m", "scroll_id", page.path("_scroll_id").asString()));
        }
        return ids;
    }

    private void refresh() throws IOException, InterruptedException {
        // _refresh refuses a request body, even an empty object.
        send(HttpRequest.newBuilder(URI.create(elasticsearchUrl + "/" + ALIAS + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()), "/_refresh");
    }

    private static Map<String, Object> termSource(String source) {
        return Map.of("term", Map.of("source", source));
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(elasticsearchUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), path);
    }

    private JsonNode send(HttpRequest.Builder request, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Elasticsearch answered " + response.statusCode() + " to " + path + ": "
                    + response.body());
        }
        return json.readTree(response.body());
    }
}
