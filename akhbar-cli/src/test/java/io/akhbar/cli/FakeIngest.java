package io.akhbar.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The batch endpoint on 127.0.0.1: answers scripted responses first, then per-item results in which a line holding
 * {@code "body":""} is rejected and any other is accepted with the line's hash as its id.
 */
final class FakeIngest implements AutoCloseable {

    record Answer(int status, String retryAfter, String body) {
    }

    private final HttpServer server;
    private final Deque<Function<List<String>, Answer>> script = new ConcurrentLinkedDeque<>();
    final List<List<String>> requests = new CopyOnWriteArrayList<>();
    /** The X-API-Key of each request, "" when it had none. */
    final List<String> apiKeys = new CopyOnWriteArrayList<>();

    FakeIngest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/articles:batch", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    void then(Function<List<String>, Answer> answer) {
        script.add(answer);
    }

    static Answer perItem(List<String> lines) {
        List<String> results = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            results.add(line.contains("\"body\":\"\"")
                    ? "{\"index\":" + i + ",\"status\":\"rejected\",\"problem\":{\"title\":\"Invalid article\","
                            + "\"errors\":[{\"field\":\"body\",\"message\":\"must not be empty\"}]}}"
                    : "{\"index\":" + i + ",\"status\":\"accepted\",\"id\":\"" + Integer.toHexString(line.hashCode()) + "\"}");
        }
        return new Answer(200, null, "{\"results\":[" + String.join(",", results) + "]}");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            List<String> lines = List.of(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            requests.add(lines);
            apiKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-API-Key")).replace("null", ""));
            Function<List<String>, Answer> scripted = script.poll();
            Answer answer = scripted != null ? scripted.apply(lines) : perItem(lines);
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    answer.status() == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
