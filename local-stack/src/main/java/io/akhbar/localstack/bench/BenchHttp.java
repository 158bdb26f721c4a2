package io.akhbar.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The benchmark's HTTP client: one JDK client, HTTP/1.1 with keep-alive, shared by every thread. */
final class BenchHttp {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    record Response(int status, String body, long retryAfterSeconds) {
        boolean isSuccessful() {
            return status >= 200 && status < 300;
        }

        String excerpt() {
            return body.length() <= 300 ? body : body.substring(0, 300) + "...";
        }
    }

    /**
     * Runs the asynchronous requests, each blocking one thread until it is answered. Not the client's own
     * {@code sendAsync}: that completes every response through CompletableFuture's default executor, which, when
     * the common pool has a single worker (on two cores), starts a new thread for each task. Under the paced
     * freshness load that was a quarter of the benchmark's CPU, taken from the services it measures.
     */
    private static final ExecutorService ASYNC_SENDERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "akhbar-bench-http");
        thread.setDaemon(true);
        return thread;
    });

    private final HttpClient client;
    /** Sent with every request, as name, value, …: the API key for the keyed endpoints. */
    private final String[] headers;

    BenchHttp() {
        // HTTP/1.1: the services and Elasticsearch speak it, and an h2c upgrade attempt would only add a round trip.
        this(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build(), new String[0]);
    }

    private BenchHttp(HttpClient client, String[] headers) {
        this.client = client;
        this.headers = headers;
    }

    /** The same connections, with a header on every request; Elasticsearch keeps the plain client. */
    BenchHttp withHeader(String name, String value) {
        return new BenchHttp(client, new String[] {name, value});
    }

    Response get(String url) throws IOException, InterruptedException {
        return send(builder(url).GET().build());
    }

    Response delete(String url) throws IOException, InterruptedException {
        return send(builder(url).DELETE().build());
    }

    Response post(String url, String contentType, String body) throws IOException, InterruptedException {
        return send(request(url, contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    Response post(String url, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(request(url, contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Response put(String url, String contentType, String body) throws IOException, InterruptedException {
        return send(request(url, contentType).PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    CompletableFuture<Response> postAsync(String url, String contentType, String body) {
        return sendAsync(request(url, contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    CompletableFuture<Response> putAsync(String url, String contentType, String body) {
        return sendAsync(request(url, contentType).PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder request(String url, String contentType) {
        return builder(url).header("Content-Type", contentType);
    }

    private HttpRequest.Builder builder(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(DEFAULT_TIMEOUT);
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        return response(client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    private CompletableFuture<Response> sendAsync(HttpRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(request);
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, ASYNC_SENDERS);
    }

    private static Response response(HttpResponse<String> response) {
        long retryAfter = response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return 1L;
            }
        }).orElse(1L);
        return new Response(response.statusCode(), response.body(), retryAfter);
    }
}
