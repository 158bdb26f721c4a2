package io.akhbar.ingest.feed;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebFetcherTest {

    private final HttpServer server;

    WebFetcherTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/gzip", exchange -> {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (OutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write("خبر مضغوط".getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            reply(exchange, 200, zipped.toByteArray());
        });
        server.createContext("/big", exchange -> reply(exchange, 200, new byte[10_000]));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "/gzip");
            reply(exchange, 301, new byte[0]);
        });
        server.createContext("/gone", exchange -> reply(exchange, 410, "gone".getBytes(StandardCharsets.UTF_8)));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void followsRedirectsAndUnzips() throws Exception {
        WebFetcher.Response response = fetcher(true).get(url("/moved"), Map.of(), 1000);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.uri()).isEqualTo(url("/gzip"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("خبر مضغوط");
    }

    @Test
    void refusesBodiesLargerThanTheLimitAndKeepsNoBodyForErrors() throws Exception {
        assertThatThrownBy(() -> fetcher(true).get(url("/big"), Map.of(), 1000)).hasMessageContaining("larger than 1000 bytes");
        WebFetcher.Response gone = fetcher(true).get(url("/gone"), Map.of(), 1000);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.body()).isEmpty();
    }

    @Test
    void refusesInternalAddressesUnlessAllowed() throws Exception {
        assertThatThrownBy(() -> fetcher(false).get(url("/gzip"), Map.of(), 1000)).hasMessageContaining("internal address");
        assertThat(WebFetcher.isInternal(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(WebFetcher.isInternal(InetAddress.getByName("169.254.169.254"))).isTrue();
        assertThat(WebFetcher.isInternal(InetAddress.getByName("fd00::1"))).isTrue();
        assertThat(WebFetcher.isInternal(InetAddress.getByName("100.64.0.1"))).isTrue();
        assertThat(WebFetcher.isInternal(InetAddress.getByName("93.184.216.34"))).isFalse();
        assertThat(WebFetcher.isInternalLiteral("localhost")).isTrue();
        assertThat(WebFetcher.isInternalLiteral("[::1]")).isTrue();
        assertThat(WebFetcher.isInternalLiteral("news.example")).isFalse();
    }

    private WebFetcher fetcher(boolean allowPrivate) {
        return new WebFetcher(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                new HostThrottle(Duration.ZERO, Clock.systemUTC(), d -> { }), Duration.ofSeconds(5), "Akhbar-test", allowPrivate);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
