package io.akhbar.search.stream;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A minimal Server-Sent Events reader for the tests: one connection, its events and comments as they come. */
final class SseClient implements AutoCloseable {

    /** @param receivedNanos {@link System#nanoTime()} when the event was complete */
    record Event(String id, String name, String data, long receivedNanos) {
    }

    private final HttpResponse<Stream<String>> response;
    private final List<Event> events = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Returns once the response headers are in; events are read in the background. */
    static SseClient open(HttpClient http, String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        return new SseClient(http.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    int status() {
        return response.statusCode();
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized List<Event> events(String name) {
        return events.stream().filter(event -> name.equals(event.name())).toList();
    }

    synchronized List<String> comments() {
        return List.copyOf(comments);
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try {
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        add(new Event(id, name == null ? "message" : name, data.toString(), System.nanoTime()));
                    }
                    id = null;
                    name = null;
                    data = null;
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "" -> addComment(value);
                    case "id" -> id = value;
                    case "event" -> name = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // Closed by the test or by the server.
        }
    }

    private synchronized void add(Event event) {
        events.add(event);
    }

    private synchronized void addComment(String comment) {
        comments.add(comment);
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
