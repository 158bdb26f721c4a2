package io.akhbar.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP proxy in front of Elasticsearch that can answer a share of {@code _bulk} requests itself with
 * {@code 429 es_rejected_execution_exception}, as a node does when its write thread pool queue is full. Unlike
 * {@link TcpProxy} it reads requests, so it can push back on bulks while searches and health checks go through.
 * Every other request, and every bulk it lets through, is forwarded unchanged and its answer relayed unchanged.
 */
public final class HttpFaultProxy implements AutoCloseable {

    static final String REJECTION_BODY = """
            {"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected execution of \
            coordinating operation [akhbar fault proxy]"}],"type":"es_rejected_execution_exception","reason":\
            "rejected execution of coordinating operation [akhbar fault proxy]"},"status":429}""";

    /** Hop-by-hop headers, and those the JDK client sets itself and refuses to be given. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "http-fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(executor)
            .build();
    private final RejectionShare bulkRejections = new RejectionShare();
    private final AtomicLong bulks = new AtomicLong();

    /** @param targetUrl e.g. {@code http://127.0.0.1:9200} */
    public HttpFaultProxy(String targetUrl) throws IOException {
        this.target = URI.create(targetUrl.endsWith("/") ? targetUrl.substring(0, targetUrl.length() - 1) : targetUrl);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** e.g. {@code http://127.0.0.1:40123}: give this to the client instead of the target's URL. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * From now on answer this share (0 to 1) of {@code _bulk} requests with 429, spread evenly (0.5 rejects every
     * other one); 0 forwards all again.
     */
    public void rejectBulks(double share) {
        bulkRejections.set(share);
    }

    /** Bulk requests answered with 429 so far. */
    public long rejectedBulks() {
        return bulkRejections.rejected();
    }

    /** Bulk requests received so far, rejected or forwarded. */
    public long bulks() {
        return bulks.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (isBulk(exchange.getRequestURI().getPath())) {
                bulks.incrementAndGet();
                if (bulkRejections.rejectNext()) {
                    respond(exchange, 429, List.of(), REJECTION_BODY.getBytes(StandardCharsets.UTF_8), true);
                    return;
                }
            }
            forward(exchange, body);
        }
    }

    static boolean isBulk(String path) {
        return path.equals("/_bulk") || path.endsWith("/_bulk");
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())))
                .timeout(Duration.ofSeconds(90))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        } catch (IOException e) {
            // The target is down: the client sees a gateway error, as behind a real load balancer.
            respond(exchange, 502, List.of(), new byte[0], false);
            return;
        }
        List<java.util.Map.Entry<String, List<String>>> headers = response.headers().map().entrySet().stream()
                .filter(header -> !NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))
                        && !header.getKey().startsWith(":"))
                .toList();
        respond(exchange, response.statusCode(), headers, response.body(),
                !exchange.getRequestMethod().equalsIgnoreCase("HEAD"));
    }

    private static void respond(HttpExchange exchange, int status, List<java.util.Map.Entry<String, List<String>>> headers,
                                byte[] body, boolean withBody) throws IOException {
        headers.forEach(header -> exchange.getResponseHeaders().put(header.getKey(), header.getValue()));
        if (status == 429) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-elastic-product", "Elasticsearch");
        }
        boolean hasBody = withBody && body.length > 0 && status != 204 && status != 304;
        exchange.sendResponseHeaders(status, hasBody ? body.length : -1);
        if (hasBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Decides, without randomness, which requests to reject so that the rejected share follows the setting. */
    static final class RejectionShare {

        private double share;
        private long seen;
        private long rejected;

        synchronized void set(double share) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("A share is between 0 and 1: " + share);
            }
            this.share = share;
            this.seen = 0;
        }

        /** Rejects request n when floor(n * share) grows: 0.25 rejects the 4th, 8th, 12th… */
        synchronized boolean rejectNext() {
            seen++;
            boolean reject = Math.floor(seen * share) > Math.floor((seen - 1) * share);
            if (reject) {
                rejected++;
            }
            return reject;
        }

        synchronized long rejected() {
            return rejected;
        }
    }
}
