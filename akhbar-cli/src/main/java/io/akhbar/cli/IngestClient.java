package io.akhbar.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sends items to {@code POST /api/v1/articles:batch} as NDJSON. Busy or unavailable answers (429, 503) and
 * connection failures are retried with growing pauses, honouring Retry-After; items Kafka did not acknowledge are
 * sent again; a batch refused as too large is split. Resending is safe: article ids are deterministic, so an item
 * that did reach Kafka is only overwritten.
 */
final class IngestClient {

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    static final String API_KEY_HEADER = "X-API-Key";

    /** Ingest refused the key (401 missing, 403 wrong); the message is its problem detail, never the key. */
    static final class KeyRefusedException extends RuntimeException {
        KeyRefusedException(String problem) {
            super(problem);
        }
    }

    private final HttpClient http;
    private final URI endpoint;
    private final String apiKey;
    private final JsonMapper json;
    private final int maxAttempts;
    private final Duration firstPause;
    private final Sleeper sleeper;

    /** @param apiKey sent as X-API-Key; null sends none (and ingest will answer 401) */
    IngestClient(HttpClient http, URI baseUrl, String apiKey, JsonMapper json, int maxAttempts, Duration firstPause,
                 Sleeper sleeper) {
        this.http = http;
        this.endpoint = baseUrl.resolve("/api/v1/articles:batch");
        this.apiKey = apiKey;
        this.json = json;
        this.maxAttempts = maxAttempts;
        this.firstPause = firstPause;
        this.sleeper = sleeper;
    }

    /** One outcome per item, in the order given. */
    List<Outcome> send(List<Item> items) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>(items.size());
        Attempts attempts = new Attempts();
        List<Item> pending = items;
        while (!pending.isEmpty()) {
            List<Outcome> answered = attempt(pending, attempts);
            List<Item> retry = new ArrayList<>();
            for (Outcome outcome : answered) {
                if (outcome.status().equals(Outcome.FAILED) && attempts.left()) {
                    retry.add(outcome.item());
                } else {
                    outcomes.add(outcome);
                }
            }
            if (!retry.isEmpty()) {
                sleeper.sleep(pause(attempts.used, null));
            }
            pending = retry;
        }
        Map<Item, Outcome> byItem = new IdentityHashMap<>();
        outcomes.forEach(outcome -> byItem.put(outcome.item(), outcome));
        return items.stream().map(byItem::get).toList();
    }

    /** Requests made for one call of {@link #send}, retries and split halves included. */
    private final class Attempts {
        int used;

        boolean left() {
            return used < maxAttempts;
        }
    }

    /**
     * Sends until ingest answers with per-item results or a final answer for the whole batch, or the attempts are
     * used up (then every item has failed).
     */
    private List<Outcome> attempt(List<Item> items, Attempts attempts) throws InterruptedException {
        String lastProblem = null;
        while (attempts.left()) {
            attempts.used++;
            HttpResponse<String> response;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/x-ndjson")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                items.stream().map(Item::line).collect(Collectors.joining("\n"))));
                if (apiKey != null) {
                    request.header(API_KEY_HEADER, apiKey);
                }
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastProblem = "ingest unreachable at " + endpoint.resolve("/") + " (" + e.getClass().getSimpleName() + ")";
                if (attempts.left()) {
                    sleeper.sleep(pause(attempts.used, null));
                }
                continue;
            }
            int status = response.statusCode();
            if (status == 200) {
                return results(items, response.body());
            }
            if (status == 429 || status == 503) {
                lastProblem = problem(response);
                if (attempts.left()) {
                    sleeper.sleep(pause(attempts.used, response.headers().firstValue("Retry-After").orElse(null)));
                }
                continue;
            }
            if (status == 401 || status == 403) {
                // No item can get through without a key that ingest accepts: stop instead of rejecting each batch.
                throw new KeyRefusedException(problem(response));
            }
            if (status == 413 && items.size() > 1) {
                // Halving is progress, not a retry: each half gets the attempts a batch gets.
                List<Outcome> halves = new ArrayList<>(attempt(items.subList(0, items.size() / 2), new Attempts()));
                halves.addAll(attempt(items.subList(items.size() / 2, items.size()), new Attempts()));
                return halves;
            }
            String reason = problem(response);
            return items.stream().map(item -> new Outcome(item, Outcome.REJECTED, null, reason)).toList();
        }
        String reason = lastProblem != null ? lastProblem : "not accepted after " + maxAttempts + " attempts";
        return items.stream().map(item -> new Outcome(item, Outcome.FAILED, null, reason)).toList();
    }

    private List<Outcome> results(List<Item> items, String body) {
        List<Outcome> outcomes = new ArrayList<>(items.size());
        JsonNode results;
        try {
            results = json.readTree(body).path("results");
        } catch (JacksonException e) {
            results = null;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode result = results == null ? null : results.get(i);
            if (result == null || result.path("index").asInt(-1) != i) {
                outcomes.add(new Outcome(items.get(i), Outcome.FAILED, null, "ingest answered without a result for it"));
                continue;
            }
            String status = result.path("status").asString();
            String id = result.path("id").isString() ? result.path("id").asString() : null;
            outcomes.add(new Outcome(items.get(i), status, id, reason(result.path("problem"))));
        }
        return outcomes;
    }

    private static String reason(JsonNode problem) {
        if (problem.isMissingNode() || problem.isNull()) {
            return null;
        }
        JsonNode errors = problem.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> parts = new ArrayList<>();
            errors.forEach(error -> parts.add(error.path("field").asString() + ": " + error.path("message").asString()));
            return String.join("; ", parts);
        }
        return problem.path("detail").asString(problem.path("title").asString("rejected"));
    }

    private String problem(HttpResponse<String> response) {
        try {
            JsonNode problem = json.readTree(response.body());
            String detail = problem.path("detail").asString(problem.path("title").asString(""));
            return "HTTP " + response.statusCode() + (detail.isBlank() ? "" : ": " + detail);
        } catch (JacksonException e) {
            return "HTTP " + response.statusCode();
        }
    }

    /** Doubling from the first pause, at most 30 s, but never shorter than the server's Retry-After (in seconds). */
    Duration pause(int attempt, String retryAfter) {
        Duration doubled = firstPause.multipliedBy(1L << Math.min(attempt - 1, 16));
        Duration pause = doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
        Optional<Duration> asked = Optional.ofNullable(retryAfter)
                .filter(value -> value.strip().matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())));
        return asked.filter(value -> value.compareTo(pause) > 0).orElse(pause);
    }
}
