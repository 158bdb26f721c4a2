package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFaultProxyTest {

    private HttpServer upstream;
    private HttpFaultProxy proxy;
    private final List<String> received = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startUpstream() throws IOException {
        // Stands in for Elasticsearch: echoes method, path, query and body, with a header of its own.
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        upstream.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (received) {
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            }
            byte[] answer = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-elastic-product", "Elasticsearch");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        upstream.start();
        proxy = new HttpFaultProxy("http://127.0.0.1:" + upstream.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.stop(0);
    }

    @Test
    void forwardsRequestsAndRelaysAnswersUnchanged() throws Exception {
        HttpResponse<String> response = post("/articles/_search?size=1", "{\"query\":{}}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("POST /articles/_search?size=1 {\"query\":{}}");
        assertThat(response.headers().firstValue("X-elastic-product")).hasValue("Elasticsearch");
    }

    @Test
    void rejectsTheChosenShareOfBulksWith429AndLetsEverythingElseThrough() throws Exception {
        proxy.rejectBulks(0.5);

        List<Integer> bulkStatuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bulkStatuses.add(post("/_bulk", "{}\n").statusCode());
        }
        int search = post("/articles/_search", "{}").statusCode();
        HttpResponse<String> rejected = post("/articles/_bulk", "{}\n");

        assertThat(bulkStatuses).containsExactly(201, 429, 201, 429);
        assertThat(search).isEqualTo(201);
        assertThat(rejected.statusCode()).isEqualTo(201);
        assertThat(proxy.rejectedBulks()).isEqualTo(2);
        assertThat(proxy.bulks()).isEqualTo(5);
        synchronized (received) {
            assertThat(received).containsExactly("POST /_bulk", "POST /_bulk", "POST /articles/_search",
                    "POST /articles/_bulk");
        }

        proxy.rejectBulks(1);
        HttpResponse<String> pushedBack = post("/_bulk", "{}\n");
        assertThat(pushedBack.statusCode()).isEqualTo(429);
        assertThat(pushedBack.body()).contains("es_rejected_execution_exception").contains("\"status\":429");
        assertThat(pushedBack.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void answers502WhileTheTargetIsDown() throws Exception {
        upstream.stop(0);

        assertThat(post("/_cluster/health", "").statusCode()).isEqualTo(502);
    }

    @Test
    void spreadsRejectionsEvenly() {
        HttpFaultProxy.RejectionShare share = new HttpFaultProxy.RejectionShare();
        share.set(0.25);

        List<Boolean> decisions = IntStream.range(0, 8).mapToObj(i -> share.rejectNext()).toList();

        assertThat(decisions).containsExactly(false, false, false, true, false, false, false, true);
        share.set(0);
        assertThat(IntStream.range(0, 10).mapToObj(i -> share.rejectNext())).containsOnly(false);
        assertThat(share.rejected()).isEqualTo(2);
    }

    @Test
    void recognisesBulkPaths() {
        assertThat(HttpFaultProxy.isBulk("/_bulk")).isTrue();
        assertThat(HttpFaultProxy.isBulk("/articles/_bulk")).isTrue();
        assertThat(HttpFaultProxy.isBulk("/articles/_search")).isFalse();
        assertThat(HttpFaultProxy.isBulk("/bulk-articles/_doc/1")).isFalse();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(proxy.url() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
