package io.akhbar.ingest.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A news site on 127.0.0.1 with an ephemeral port: an RSS 2.0 feed (ETag), an Atom feed (Last-Modified), a broken
 * feed, a feed that answers 429 with Retry-After, and the article pages they link to, one of them windows-1256.
 */
final class FeedServer implements AutoCloseable {

    static final String RSS = "/feeds/rss.xml";
    static final String ATOM = "/feeds/atom.xml";
    static final String BROKEN = "/feeds/broken.xml";
    static final String THROTTLED = "/feeds/throttled.xml";
    static final String RSS_ETAG = "\"rss-v1\"";
    static final String ATOM_LAST_MODIFIED = "Fri, 23 Jan 2026 08:00:00 GMT";
    static final String RETRY_AFTER_SECONDS = "3600";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String url(String path) {
        return base() + path;
    }

    int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    int notModified(String path) {
        return notModified.getOrDefault(path, new AtomicInteger()).get();
    }

    List<String> userAgents() {
        return userAgents;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
        try {
            switch (path) {
                case RSS -> {
                    if (RSS_ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                        notModified(exchange, path);
                        return;
                    }
                    exchange.getResponseHeaders().set("ETag", RSS_ETAG);
                    send(exchange, 200, "application/rss+xml; charset=utf-8", fixture("rss-ar.xml", StandardCharsets.UTF_8));
                }
                case ATOM -> {
                    if (ATOM_LAST_MODIFIED.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"))) {
                        notModified(exchange, path);
                        return;
                    }
                    exchange.getResponseHeaders().set("Last-Modified", ATOM_LAST_MODIFIED);
                    send(exchange, 200, "application/atom+xml", fixture("atom-ar.xml", StandardCharsets.UTF_8));
                }
                case BROKEN -> send(exchange, 200, "application/rss+xml", fixture("broken.xml", StandardCharsets.UTF_8));
                case THROTTLED -> {
                    exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
                    send(exchange, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
                }
                case "/articles/oil-prices.html" ->
                        send(exchange, 200, "text/html; charset=utf-8", fixture("article-utf8.html", StandardCharsets.UTF_8));
                // An old site: windows-1256 bytes, declared only in the page's meta element.
                case "/articles/book-fair.html" ->
                        send(exchange, 200, "text/html", fixture("article-cp1256.html", Charset.forName("windows-1256")));
                default -> send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        } finally {
            exchange.close();
        }
    }

    private void notModified(HttpExchange exchange, String path) throws IOException {
        notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        exchange.sendResponseHeaders(304, -1);
    }

    private byte[] fixture(String name, Charset charset) {
        return Fixtures.text(name, base()).getBytes(charset);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
