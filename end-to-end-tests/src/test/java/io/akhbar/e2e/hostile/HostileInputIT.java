package io.akhbar.e2e.hostile;

import io.akhbar.e2e.hostile.RawHttp.Answer;
import io.akhbar.localstack.KafkaProbe;
import io.akhbar.localstack.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Issue #6, hostile input: property-style tests that throw generated malformed, oversized, mistyped and injected
 * input at every HTTP endpoint of the three running services (real Kafka, real Elasticsearch). Each generated case
 * is one dynamic test, so the runner reports how many ran; the generators are seeded ({@code -Dakhbar.hostile.seed}
 * to explore other cases), so a CI failure is reproduced by running again.
 *
 * <p>The properties: every answer is a 2xx with well-formed JSON or a 4xx RFC 9457 problem+json (status, title,
 * detail), never a 5xx, never a stack trace or an internal class name; after each family of cases all services are
 * still UP; and no rejected request or batch item left a record in {@code articles.raw} (every case carries a unique
 * token, searched for in the topic), while every accepted one did.
 */
@Tag("hostile")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private static final long SEED = Long.getLong("akhbar.hostile.seed", 0x686f7374L);
    private static final Pattern TOKEN = Pattern.compile("hst[A-Z]\\d{6}q");
    /** What must never appear in an answer: Java stack frames or the names of classes inside the services. */
    private static final Pattern LEAK = Pattern.compile(
            "\\bat [a-z]+\\.[\\w.$]+\\(|Exception\\b|\\b(java|javax|jakarta|org\\.springframework|org\\.apache|tools\\.jackson"
                    + "|com\\.fasterxml|co\\.elastic|io\\.akhbar)\\.[a-z]");

    private static Target stack;
    private static KafkaProbe kafka;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** Tokens of requests (or batch items) the services refused, and of those they said they accepted. */
    private final Set<String> rejected = new HashSet<>();
    private final Set<String> accepted = new HashSet<>();
    private int tokens;
    private char family;

    @BeforeAll
    static void startServices() {
        stack = Target.resolve();
        kafka = new KafkaProbe(stack.kafkaBootstrapServers());
    }

    @AfterAll
    static void closeProbe() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** After each family ("property"): every service still UP, nothing refused in Kafka, everything accepted there. */
    @AfterEach
    void servicesStayHealthyAndNothingRejectedWasPublished(TestInfo test) throws Exception {
        for (String service : List.of("ingest-service", "nlp-service", "search-service")) {
            HttpResponse<String> health = http.send(keyed(HttpRequest.newBuilder(
                    URI.create(stack.serviceUrl(service) + "/actuator/health"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(service + " health after " + test.getDisplayName()).isEqualTo(200);
            assertThat(json.readTree(health.body()).path("status").asString()).as(service).isEqualTo("UP");
        }
        if (rejected.isEmpty() && accepted.isEmpty()) {
            return;
        }
        Set<String> published = tokensInArticlesRaw();
        Set<String> leaked = new HashSet<>(rejected);
        leaked.retainAll(published);
        Set<String> missing = new HashSet<>(accepted);
        missing.removeAll(published);
        assertThat(leaked).as("tokens of rejected requests found in articles.raw").isEmpty();
        assertThat(missing).as("tokens of accepted requests missing from articles.raw").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------- ingest

    @TestFactory
    @Order(1)
    Stream<DynamicTest> singleJsonArticles() {
        return cases('A', 260, (hostile, index) -> {
            String token = token();
            Map<String, Object> article = hostile.article(token);
            String body = Json.write(article);
            boolean broken = hostile.chance(0.25);
            if (broken) {
                body = hostile.breakJson(body);
            } else if (hostile.chance(0.1)) {
                body = Json.write(List.of(article));
            }
            String contentType = hostile.pick(List.of("application/json", "application/json", "application/json",
                    "application/json", "application/json", "application/json;charset=UTF-8",
                    "application/json; charset=ISO-8859-1", "application/json;charset=bogus", "application/problem+json",
                    "text/json", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
                    "*/*", "application/json; boundary=\"\\\""));
            String bodyText = body;
            return describe("POST /api/v1/articles " + contentType + " " + abbreviate(body), () -> {
                Answer answer = send("POST", ingest("/api/v1/articles"), contentType, bodyText.getBytes(StandardCharsets.UTF_8),
                        hostile);
                checkAnswer(answer);
                record(answer, token, article.get("body") instanceof String text && text.contains(token));
            });
        });
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> plainTextArticles() {
        return cases('B', 100, (hostile, index) -> {
            String token = token();
            String text = hostile.chance(0.5) ? hostile.hostileText(token) : hostile.text(token) + " " + hostile.garbage(400);
            String contentType = hostile.pick(List.of("text/plain", "text/plain; charset=UTF-8", "text/plain; charset=utf-16",
                    "text/plain; charset=x-unknown", "text/html", "text/plain;;;", "text/*"));
            return describe("POST /api/v1/articles " + contentType + " " + abbreviate(text), () -> {
                Answer answer = send("POST", ingest("/api/v1/articles"), contentType, text.getBytes(StandardCharsets.UTF_8), hostile);
                checkAnswer(answer);
                // Another charset than UTF-8 may turn the token into other characters: then only refusals are checked.
                boolean utf8 = !contentType.contains("utf-16") && contentType.startsWith("text/plain");
                record(answer, token, utf8 && text.contains(token));
            });
        });
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> ndjsonBatches() {
        return cases('C', 100, (hostile, index) -> {
            // NDJSON results are matched by line: blank lines are skipped, so item indexes do not follow lines.
            Map<Integer, String> tokenByLine = new LinkedHashMap<>();
            Map<Integer, Boolean> readableByLine = new LinkedHashMap<>();
            int lineNumber = 1;
            StringBuilder body = new StringBuilder();
            for (int i = hostile.between(0, 12); i > 0; i--) {
                String token = token();
                Map<String, Object> article = hostile.chance(0.5) ? Map.of("body", hostile.text(token), "url",
                        "https://example.com/hostile/" + token) : hostile.article(token);
                String line = Json.write(article);
                boolean broken = hostile.chance(0.2);
                if (broken) {
                    line = hostile.breakJson(line).replace("\n", " ");
                }
                String separator = hostile.pick(List.of("\n", "\n", "\r\n", "\n\n", "\n \n"));
                body.append(line).append(separator);
                tokenByLine.put(lineNumber, token);
                readableByLine.put(lineNumber, !broken && article.get("body") instanceof String text && text.contains(token));
                lineNumber += (int) separator.chars().filter(c -> c == '\n').count();
            }
            String bodyText = body.toString();
            return describe("POST /api/v1/articles:batch NDJSON " + abbreviate(bodyText), () -> {
                Answer answer = send("POST", ingest("/api/v1/articles:batch"), "application/x-ndjson",
                        bodyText.getBytes(StandardCharsets.UTF_8), hostile);
                checkAnswer(answer);
                recordBatch(answer, "line", tokenByLine, readableByLine);
            });
        });
    }

    @TestFactory
    @Order(4)
    Stream<DynamicTest> jsonArrayBatches() {
        return cases('D', 100, (hostile, index) -> {
            List<String> itemTokens = new ArrayList<>();
            List<Boolean> readable = new ArrayList<>();
            List<Object> items = new ArrayList<>();
            for (int i = hostile.between(0, 12); i > 0; i--) {
                String token = token();
                Object item = switch (hostile.between(0, 5)) {
                    case 0, 1 -> Map.of("body", hostile.text(token));
                    case 2, 3 -> hostile.article(token);
                    default -> hostile.wrongType(token);
                };
                items.add(item);
                itemTokens.add(token);
                readable.add(item instanceof Map<?, ?> map && map.get("body") instanceof String text && text.contains(token));
            }
            String body = hostile.chance(0.15) ? hostile.breakJson(Json.write(items))
                    : hostile.chance(0.05) ? hostile.nested(10_000, true) : Json.write(items);
            return describe("POST /api/v1/articles:batch JSON " + abbreviate(body), () -> {
                Answer answer = send("POST", ingest("/api/v1/articles:batch"), "application/json",
                        body.getBytes(StandardCharsets.UTF_8), hostile);
                checkAnswer(answer);
                recordBatch(answer, itemTokens, readable);
            });
        });
    }

    // ----------------------------------------------------------------------------------------------------- feeds

    /**
     * Feed URLs are never ones the service would poll: hosts are loopback literals or the URLs are not http(s) at
     * all, so that no generated subscription makes the poller reach out of this machine.
     */
    @TestFactory
    @Order(5)
    Stream<DynamicTest> feeds() {
        return cases('E', 120, (hostile, index) -> {
            String token = token();
            String id = hostile.pick(List.of("0123456789abcdef0123456789abcdef", "..", "%2e%2e", "*", "_all",
                    "x".repeat(5_000), token, "%00", "%E2%80%AE", "a%2Fb", ";jsessionid=1", "feeds"));
            return switch (hostile.between(0, 4)) {
                case 0, 1 -> {
                    Map<String, Object> request = new LinkedHashMap<>();
                    request.put("url", hostile.chance(0.7) ? hostile.pick(List.of("http://127.0.0.1/" + token,
                            "http://localhost/rss?" + token, "http://[::1]/feed/" + token, "http://10.0.0.1/" + token,
                            "file:///etc/passwd", "gopher://127.0.0.1/" + token, "javascript:alert(1)", "",
                            "\u0001http://127.0.0.1/" + token, "http://127.0.0.1/" + token + "\u0000",
                            "http://127.0.0.1/" + "a".repeat(3_000), "http://user@:80/" + token,
                            "http://169.254.169.254/latest/meta-data/", " http://0.0.0.0/ " + token))
                            : hostile.wrongType(token));
                    if (hostile.chance(0.6)) {
                        request.put("pollInterval", hostile.chance(0.7) ? hostile.pick(List.of("PT15M", "15m", "0",
                                "-1", "PT0S", "P999999999D", "PT-5M", "99999999999999999999", "1e9", "15 minutes",
                                "PT1M", "P1Y", "PT15M\u0000", "9223372036854775807"))
                                : hostile.wrongType(token));
                    }
                    if (hostile.chance(0.5)) {
                        request.put("source", hostile.chance(0.7) ? hostile.hostileText(token) : hostile.wrongType(token));
                    }
                    String body = hostile.chance(0.2) ? hostile.breakJson(Json.write(request)) : Json.write(request);
                    yield describe("POST /api/v1/feeds " + abbreviate(body), () -> {
                        Answer answer = send("POST", ingest("/api/v1/feeds"), "application/json",
                                body.getBytes(StandardCharsets.UTF_8), hostile);
                        checkAnswer(answer);
                        assertThat(answer.status()).as("a subscription to an internal or malformed URL").isGreaterThanOrEqualTo(400);
                    });
                }
                case 2 -> describe("GET /api/v1/feeds/" + abbreviate(id), () ->
                        checkAnswer(send("GET", ingest("/api/v1/feeds/" + id), null, null, hostile)));
                case 3 -> describe("DELETE /api/v1/feeds/" + abbreviate(id), () ->
                        checkAnswer(send("DELETE", ingest("/api/v1/feeds/" + id), null, null, hostile)));
                default -> describe("GET /api/v1/feeds?" + token, () -> checkAnswer(send("GET",
                        ingest("/api/v1/feeds?limit=" + encode(hostile.number()) + "&" + token + "=" + encode(hostile.garbage(30))),
                        null, null, hostile)));
            };
        });
    }

    // ---------------------------------------------------------------------------------------------------- search

    @TestFactory
    @Order(6)
    Stream<DynamicTest> search() {
        return cases('F', 300, (hostile, index) -> {
            String query = searchParameters(hostile, true);
            return describe("GET /api/v1/search?" + abbreviate(query),
                    () -> checkAnswer(send("GET", search("/api/v1/search?" + query), null, null, hostile)));
        });
    }

    @TestFactory
    @Order(7)
    Stream<DynamicTest> explain() {
        return cases('G', 100, (hostile, index) -> {
            String query = searchParameters(hostile, false);
            return describe("GET /api/v1/search/explain?" + abbreviate(query),
                    () -> checkAnswer(send("GET", search("/api/v1/search/explain?" + query), null, null, hostile)));
        });
    }

    /** Real cursors, tampered with, and deep paging: following one query's cursors page by page to its end. */
    @TestFactory
    @Order(8)
    Stream<DynamicTest> cursorsAndDeepPaging() {
        return cases('H', 40, (hostile, index) -> describe("paging case " + index, () -> {
            String query = "lang=ar&sort=newest&size=" + hostile.between(1, 3);
            Answer first = send("GET", search("/api/v1/search?" + query), null, null, hostile);
            checkAnswer(first);
            String cursor = cursorOf(first);
            if (cursor == null) {
                return;
            }
            String tampered = switch (hostile.between(0, 4)) {
                case 0 -> cursor.substring(0, cursor.length() / 2);
                case 1 -> new StringBuilder(cursor).reverse().toString();
                case 2 -> cursor.replace(cursor.charAt(hostile.random.nextInt(cursor.length())), 'A');
                case 3 -> cursor + cursor;
                default -> cursor;
            };
            String next = hostile.chance(0.5) ? query : "q=" + encode(hostile.queryValue("x")) + "&size=5";
            checkAnswer(send("GET", search("/api/v1/search?" + next + "&cursor=" + encode(tampered)), null, null, hostile));
            // Deep paging: at most 30 pages, each answered well.
            for (int page = 0; page < 30 && cursor != null; page++) {
                Answer answer = send("GET", search("/api/v1/search?" + query + "&cursor=" + encode(cursor)), null, null, hostile);
                checkAnswer(answer);
                cursor = answer.status() == 200 ? cursorOf(answer) : null;
            }
        }));
    }

    @TestFactory
    @Order(9)
    Stream<DynamicTest> articlesAndRelated() {
        return cases('I', 100, (hostile, index) -> {
            String id = hostile.pick(List.of("0123456789abcdef", "..", "%2e%2e", "%2F", "a%2Fb", "*", "_all", "_search",
                    "x".repeat(hostile.between(129, 9_000)), "%00", encode(hostile.garbage(40)), encode("/.*/"),
                    encode("{\"script\":\"x\"}"), "%C0%AF", "%ED%A0%80", "%FF", ";a=b", "a;b", "~", "articles-v1"));
            String path = hostile.chance(0.5) ? "/api/v1/articles/" + id
                    : "/api/v1/articles/" + id + "/related?size=" + encode(hostile.number());
            return describe("GET " + abbreviate(path), () -> checkAnswer(sendRaw(search(""), "GET", path, hostile)));
        });
    }

    @TestFactory
    @Order(10)
    Stream<DynamicTest> entities() {
        return cases('J', 100, (hostile, index) -> {
            String path;
            if (hostile.chance(0.5)) {
                path = "/api/v1/entities?prefix=" + encode(hostile.chance(0.8) ? hostile.queryValue("x") : "")
                        + (hostile.chance(0.6) ? "&limit=" + encode(hostile.number()) : "");
            } else {
                String id = hostile.pick(List.of("person:vladimir-putin", "person:", ":", "person:" + "a".repeat(500),
                        "PERSON:x", "person:*", "person:/.*/", "_all", "place:" + hostile.word(), encode(hostile.garbage(40))));
                path = "/api/v1/entities/" + encode(id).replace("+", "%20") + "/timeline?from="
                        + encode(hostile.pick(dates())) + "&to=" + encode(hostile.pick(dates()));
            }
            return describe("GET " + abbreviate(path), () -> checkAnswer(send("GET", search(path), null, null, hostile)));
        });
    }

    /** Other routes and methods: unknown paths, wrong methods, the ops summary with junk. */
    @TestFactory
    @Order(11)
    Stream<DynamicTest> routesAndMethods() {
        List<String[]> requests = List.of(
                new String[]{"search", "GET", "/api/v1/ops/pipeline?x=" + encode("{\"script\":1}")},
                new String[]{"search", "POST", "/api/v1/search"}, new String[]{"search", "PUT", "/api/v1/search"},
                new String[]{"search", "DELETE", "/api/v1/articles/abc"}, new String[]{"search", "PATCH", "/api/v1/search/explain"},
                new String[]{"search", "GET", "/api/v1/nothing-here"}, new String[]{"search", "GET", "/api/v2/search"},
                new String[]{"search", "GET", "/api/v1/search/"}, new String[]{"search", "GET", "/api/v1/search.json?q=a"},
                new String[]{"search", "POST", "/api/v1/ops/pipeline"}, new String[]{"search", "GET", "/api/v1/entities/"},
                new String[]{"ingest", "GET", "/api/v1/articles"}, new String[]{"ingest", "PUT", "/api/v1/articles"},
                new String[]{"ingest", "GET", "/api/v1/articles:batch"}, new String[]{"ingest", "DELETE", "/api/v1/feeds"},
                new String[]{"ingest", "PUT", "/api/v1/feeds/abc"}, new String[]{"ingest", "POST", "/api/v1/articles:unknown"},
                new String[]{"ingest", "GET", "/api/v1/nothing-here"}, new String[]{"ingest", "POST", "/api/v1/articles/"});
        return cases('K', requests.size(), (hostile, index) -> {
            String[] request = requests.get(index);
            String base = request[0].equals("search") ? search("") : ingest("");
            return describe(request[1] + " " + request[0] + request[2], () -> checkAnswer(send(request[1], base + request[2],
                    request[1].equals("GET") || request[1].equals("DELETE") ? null : "application/json",
                    request[1].equals("GET") || request[1].equals("DELETE") ? null : "{\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                    hostile)));
        });
    }

    // ------------------------------------------------------------------------------------------------ raw socket

    /** Bytes that are not UTF-8, raw-encoded surrogates and NUL, in bodies of every ingest endpoint. */
    @TestFactory
    @Order(12)
    Stream<DynamicTest> invalidUtf8Bodies() {
        return cases('L', 60, (hostile, index) -> {
            String token = token();
            String[] endpoint = hostile.pick(List.of(
                    new String[]{"/api/v1/articles", "application/json"}, new String[]{"/api/v1/articles", "text/plain; charset=UTF-8"},
                    new String[]{"/api/v1/articles:batch", "application/x-ndjson"}, new String[]{"/api/v1/articles:batch", "application/json"},
                    new String[]{"/api/v1/feeds", "application/json"}));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            boolean json = endpoint[1].contains("json");
            String prefix = endpoint[0].equals("/api/v1/feeds") ? "{\"url\":\"http://127.0.0.1/" + token + "/"
                    : json ? "{\"body\":\"" + hostile.text(token) : hostile.text(token);
            body.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(hostile.chance(0.2) ? new byte[]{0} : hostile.invalidUtf8());
            body.writeBytes((json ? " " + hostile.word() + "\"}" : " " + hostile.word()).getBytes(StandardCharsets.UTF_8));
            if (endpoint[0].endsWith(":batch") && json) {
                byte[] item = body.toByteArray();
                body.reset();
                body.writeBytes("[".getBytes(StandardCharsets.UTF_8));
                body.writeBytes(item);
                body.writeBytes("]".getBytes(StandardCharsets.UTF_8));
            }
            byte[] bytes = body.toByteArray();
            return describe("POST " + endpoint[0] + " " + endpoint[1] + " with bytes that are not UTF-8", () -> {
                Answer answer = honouringRetryAfter(() -> RawHttp.exchange(URI.create(ingest("")), "POST " + endpoint[0]
                        + " HTTP/1.1\r\n" + "Content-Type: " + endpoint[1] + "\r\n" + LocalStack.API_KEY_HEADER + ": "
                        + stack.apiKey() + "\r\n" + "Content-Length: " + bytes.length + "\r\n", bytes));
                checkAnswer(answer);
                if (endpoint[0].endsWith(":batch")) {
                    recordBatch(answer, List.of(token), List.of(false));
                } else if (!endpoint[0].equals("/api/v1/feeds")) {
                    // Text is decoded leniently (the bad bytes become U+FFFD): accepting it is fine, the token survives.
                    record(answer, token, !json);
                }
            });
        });
    }

    /** CR/LF and NUL inside header values, folded and oversized headers, a huge request line. */
    @TestFactory
    @Order(13)
    Stream<DynamicTest> malformedHeaders() {
        String key = LocalStack.API_KEY_HEADER + ": " + stack.apiKey() + "\r\n";
        String article = "{\"body\":\"خبر عن التجربة\"}";
        List<String[]> heads = List.of(
                new String[]{"ingest", "POST /api/v1/articles HTTP/1.1\r\nContent-Type: application/json\r\nX-Trace: a\rb\r\n" + key},
                new String[]{"ingest", "POST /api/v1/articles HTTP/1.1\r\nContent-Type: application/json\nX-Injected: 1\r\n" + key},
                new String[]{"ingest", "POST /api/v1/articles HTTP/1.1\r\nContent-Type: application/json\u0000text/plain\r\n" + key},
                new String[]{"ingest", "POST /api/v1/articles HTTP/1.1\r\nContent-Type: application/json\r\n folded: value\r\n" + key},
                new String[]{"ingest", "POST /api/v1/articles HTTP/1.1\r\nContent-Type: application/json\r\n"
                        + LocalStack.API_KEY_HEADER + ": " + stack.apiKey() + "\rX-Admin: true\r\n"},
                new String[]{"ingest", "POST /api/v1/articles HTTP/1.1\r\nContent-Type: application/json\r\nContent-Type: text/plain\r\n" + key},
                new String[]{"ingest", "POST /api/v1/articles HTTP/1.1\r\nContent-Type: application/json\r\nX-Big: " + "a".repeat(20_000) + "\r\n" + key},
                new String[]{"ingest", "POST /api/v1/articles HTTP/1.1\r\nContent-Type: application/json\r\n"
                        + IntStream.range(0, 2_000).mapToObj(i -> "X-H" + i + ": v\r\n").collect(Collectors.joining()) + key},
                new String[]{"ingest", "POST /api/v1/articles HTTP/1.1\r\nContent-Type: application/json\r\nBad Header: v\r\n" + key},
                new String[]{"ingest", "POST /api/v1/articles HTTP/1.1\r\nContent-Type: application/json\r\nX-Utf: \u00ff\u00fe\r\n" + key},
                new String[]{"ingest", "POST /api/v1/articles HTTP/1.1\r\nContent-Type: application/json\r\n"
                        + LocalStack.API_KEY_HEADER + ": " + "k".repeat(10_000) + "\r\n"},
                new String[]{"search", "GET /api/v1/search?q=" + "a".repeat(100_000) + " HTTP/1.1\r\n"},
                new String[]{"search", "GET /api/v1/search?q=a\r\nX-Injected: 1 HTTP/1.1\r\n"},
                new String[]{"search", "GET /api/v1/search?q=a b HTTP/1.1\r\n"},
                new String[]{"search", "GET /api/v1/search?q=%ZZ HTTP/1.1\r\n"},
                new String[]{"search", "GET /api/v1/search?q=%C0%AF&lang=%ED%A0%80 HTTP/1.1\r\n"},
                new String[]{"search", "GET /api/v1/search?q=\u00ff\u00fe HTTP/1.1\r\n"},
                new String[]{"search", "GET /api/v1/search?q={\"script\":1}|x HTTP/1.1\r\n"},
                new String[]{"search", "GET /api/v1/search?q=a HTTP/1.1\r\nAccept: text/html\r\n"},
                new String[]{"search", "GET /api/v1/search HTTP/1.1\r\nAccept: image/png\r\n"},
                new String[]{"search", "GET /api/v1/search?q=a&size=-1 HTTP/1.1\r\nAccept: application/xml\r\n"},
                new String[]{"search", "GET /api/v1/search?q=a HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n"},
                new String[]{"search", "GET /api/v1/../../etc/passwd HTTP/1.1\r\n"},
                new String[]{"search", "GET /api/v1/articles/%2e%2e%2f%2e%2e%2factuator HTTP/1.1\r\n"},
                new String[]{"search", "GET /api/v1/search?q=a HTTP/1.0\r\n"},
                new String[]{"search", "TRACE /api/v1/search HTTP/1.1\r\n"},
                new String[]{"ingest", "POST /api/v1/articles HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n" + key});
        return cases('M', heads.size(), (hostile, index) -> {
            String[] head = heads.get(index);
            boolean post = head[1].startsWith("POST");
            return describe(abbreviate(head[1].replace("\r", "\\r").replace("\n", "\\n")), () -> {
                byte[] body = post ? article.getBytes(StandardCharsets.UTF_8) : new byte[0];
                String length = post ? "Content-Length: " + body.length + "\r\n" : "";
                Answer answer = honouringRetryAfter(() -> RawHttp.exchange(
                        URI.create(head[0].equals("ingest") ? ingest("") : search("")),
                        (head[1] + length).getBytes(StandardCharsets.ISO_8859_1), body));
                checkAnswer(answer);
            });
        });
    }

    /** A handful of 10 MB bodies, sized in advance and chunked, at the ingest endpoints and a search endpoint. */
    @TestFactory
    @Order(14)
    Stream<DynamicTest> tenMegabyteBodies() {
        int size = 10 * 1024 * 1024;
        List<String[]> targets = List.of(
                new String[]{"ingest", "/api/v1/articles", "application/json", "length"},
                new String[]{"ingest", "/api/v1/articles", "application/json", "chunked"},
                new String[]{"ingest", "/api/v1/articles", "text/plain; charset=UTF-8", "chunked"},
                new String[]{"ingest", "/api/v1/articles:batch", "application/x-ndjson", "length"},
                new String[]{"ingest", "/api/v1/articles:batch", "application/json", "chunked"},
                new String[]{"ingest", "/api/v1/feeds", "application/json", "length"},
                new String[]{"search", "/api/v1/search?q=a", "application/json", "length"});
        return cases('N', targets.size(), (hostile, index) -> {
            String[] target = targets.get(index);
            String token = token();
            byte[] body = tenMegabytes(target[1], target[2], token, size);
            return describe("POST " + target[1] + " " + target[2] + " 10 MB " + target[3], () -> {
                String method = target[0].equals("search") ? "GET" : "POST";
                String head = method + " " + target[1] + " HTTP/1.1\r\nContent-Type: " + target[2] + "\r\n"
                        + LocalStack.API_KEY_HEADER + ": " + stack.apiKey() + "\r\n"
                        + (target[3].equals("length") ? "Content-Length: " + body.length + "\r\n" : "Transfer-Encoding: chunked\r\n");
                Answer answer = honouringRetryAfter(() -> RawHttp.exchange(
                        URI.create(target[0].equals("ingest") ? ingest("") : search("")),
                        head, target[3].equals("length") ? body : chunked(body)));
                checkAnswer(answer);
                if (target[1].endsWith(":batch")) {
                    recordBatch(answer, List.of(token), List.of(false));
                } else if (target[0].equals("ingest")) {
                    rejected.add(token);
                    assertThat(answer.status()).as("a 10 MB article").isEqualTo(413);
                }
            });
        });
    }

    // --------------------------------------------------------------------------------------------------- helpers

    private interface CaseFactory {
        DynamicTest create(Hostile hostile, int index) throws Exception;
    }

    /** {@code count} cases of one family, generated in order from the family's own seed. */
    private Stream<DynamicTest> cases(char family, int count, CaseFactory factory) {
        this.family = family;
        long seed = SEED * 31 + family;
        Hostile hostile = new Hostile(seed);
        List<DynamicTest> tests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try {
                DynamicTest test = factory.create(hostile, i);
                String name = family + "#" + i + " (seed " + SEED + ") " + test.getDisplayName();
                tests.add(DynamicTest.dynamicTest(name, test.getExecutable()));
            } catch (Exception e) {
                throw new IllegalStateException("generating case " + family + "#" + i, e);
            }
        }
        return tests.stream();
    }

    private static DynamicTest describe(String description, Executable executable) {
        return DynamicTest.dynamicTest(description, executable);
    }

    private String token() {
        return String.format(Locale.ROOT, "hst%c%06dq", family, tokens++);
    }

    /**
     * The property every answer must have: no 5xx; a 4xx is problem+json with status, title and detail; a 2xx is
     * JSON (204 empty); nothing echoes a stack trace or a class name.
     */
    private void checkAnswer(Answer answer) {
        String body = answer.bodyText();
        String context = answer.status() + " " + answer.headers() + "\n" + abbreviate(body);
        Matcher leak = LEAK.matcher(body);
        if (leak.find()) {
            fail("The answer leaks internals (" + leak.group() + "): " + context);
        }
        if (answer.status() == 0 && answer.body().length > 0) {
            // A request line without a protocol version is HTTP/0.9: the answer is a bare body, no status, no headers.
            assertThat(json.readTree(answer.body()).isObject()).as("an HTTP/0.9 answer; " + context).isTrue();
            return;
        }
        assertThat(answer.status()).as("an answer at all; " + context).isPositive();
        assertThat(answer.status()).as("no server error; " + context).isBetween(200, 499);
        assertThat(answer.status() / 100).as("no redirect; " + context).isNotEqualTo(3);
        if (answer.status() == 204) {
            assertThat(answer.body()).as(context).isEmpty();
            return;
        }
        String contentType = answer.header("Content-Type");
        if (answer.status() >= 400) {
            assertThat(contentType).as("a problem's content type; " + context).startsWith("application/problem+json");
            JsonNode problem = json.readTree(answer.body());
            assertThat(problem.isObject()).as(context).isTrue();
            assertThat(problem.path("status").asInt()).as("problem status; " + context).isEqualTo(answer.status());
            assertThat(problem.path("title").asString("")).as("problem title; " + context).isNotBlank();
            assertThat(problem.path("detail").asString("")).as("problem detail; " + context).isNotBlank();
        } else {
            assertThat(contentType).as("a 2xx content type; " + context).matches("application/([a-z.+-]+\\+)?json.*");
            assertThat(json.readTree(answer.body()).isContainer()).as(context).isTrue();
        }
    }

    /** A single article: refused means its token must stay out of Kafka; accepted means it must be there. */
    private void record(Answer answer, String token, boolean tokenInBody) {
        if (answer.status() >= 400) {
            rejected.add(token);
        } else if (answer.status() == 202 && tokenInBody) {
            accepted.add(token);
        }
    }

    /** A batch: a refused request refuses every item; a processed one answers each item on its own. */
    private void recordBatch(Answer answer, List<String> itemTokens, List<Boolean> tokenInBody) {
        Map<Integer, String> tokens = new LinkedHashMap<>();
        Map<Integer, Boolean> inBody = new LinkedHashMap<>();
        for (int i = 0; i < itemTokens.size(); i++) {
            tokens.put(i, itemTokens.get(i));
            inBody.put(i, tokenInBody.get(i));
        }
        recordBatch(answer, "index", tokens, inBody);
    }

    /** @param key the result field the maps are keyed by: {@code index}, or {@code line} for NDJSON */
    private void recordBatch(Answer answer, String key, Map<Integer, String> itemTokens, Map<Integer, Boolean> tokenInBody) {
        if (answer.status() >= 400) {
            rejected.addAll(itemTokens.values());
            return;
        }
        assertThat(answer.status()).isEqualTo(200);
        JsonNode batch = json.readTree(answer.body());
        JsonNode results = batch.path("results");
        assertThat(batch.path("items").asInt()).isEqualTo(results.size());
        assertThat(batch.path("accepted").asInt() + batch.path("duplicates").asInt() + batch.path("rejected").asInt()
                + batch.path("failed").asInt()).as("the counts add up").isEqualTo(results.size());
        for (JsonNode result : results) {
            int index = result.path(key).asInt();
            String status = result.path("status").asString();
            String token = itemTokens.get(index);
            if (token == null) {
                continue;
            }
            switch (status) {
                case "rejected" -> {
                    assertThat(result.path("problem").path("title").asString("")).as("an item's problem").isNotBlank();
                    rejected.add(token);
                }
                case "accepted" -> {
                    if (tokenInBody.get(index)) {
                        accepted.add(token);
                    }
                }
                default -> {
                }
            }
        }
    }

    private String cursorOf(Answer answer) {
        JsonNode cursor = json.readTree(answer.body()).path("cursor");
        return cursor.isString() ? cursor.asString() : null;
    }

    /** Every token in a record of articles.raw, read to the topic's current end. */
    private Set<String> tokensInArticlesRaw() throws Exception {
        long end;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            var partitions = admin.describeTopics(List.of("articles.raw")).allTopicNames().get().get("articles.raw")
                    .partitions().stream()
                    .collect(Collectors.toMap(info -> new TopicPartition("articles.raw", info.partition()), info -> OffsetSpec.latest()));
            end = admin.listOffsets(partitions).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
        var records = await().atMost(Duration.ofSeconds(60)).until(() -> kafka.read("articles.raw"), read -> read.size() >= end);
        Set<String> found = new HashSet<>();
        for (var record : records) {
            Matcher token = TOKEN.matcher(new String(record.value(), StandardCharsets.UTF_8));
            while (token.find()) {
                found.add(token.group());
            }
        }
        return found;
    }

    /** Builds a query string of search parameters, known and unknown, with hostile values. */
    private String searchParameters(Hostile hostile, boolean paging) {
        List<String> names = new ArrayList<>(List.of("q", "q", "q", "person", "place", "org", "entity", "source", "lang",
                "from", "to", "sort", "_all", "script", "query", "q.script", "q[]", "index", "pretty", "filter_path"));
        if (paging) {
            names.addAll(List.of("size", "size", "cursor", "cursor"));
        }
        StringBuilder query = new StringBuilder();
        for (int i = hostile.between(0, 6); i > 0; i--) {
            String name = hostile.pick(names);
            String value = switch (name) {
                case "size" -> hostile.number();
                case "cursor" -> hostile.cursor();
                case "from", "to" -> hostile.chance(0.8) ? hostile.pick(dates()) : hostile.number();
                case "lang" -> hostile.pick(List.of("ar", "en", "AR", "xx", "arabic", "*", "", "a r", "ar\u0000"));
                case "sort" -> hostile.pick(List.of("newest", "relevance", "NEWEST", "_score", "_doc", "title:asc",
                        "{\"_script\":{}}", ""));
                case "entity" -> hostile.pick(List.of("person:vladimir-putin", "person:*", "*", ":", "x:y", "_all:*"));
                default -> hostile.queryValue("x");
            };
            if (hostile.chance(0.05)) {
                for (int repeat = hostile.between(21, 60); repeat > 0; repeat--) {
                    query.append(name).append('=').append(encode(hostile.word())).append('&');
                }
            }
            query.append(name).append('=').append(encode(value)).append('&');
        }
        return query.isEmpty() ? "" : query.substring(0, query.length() - 1);
    }

    private static List<String> dates() {
        return List.of("2026-01-22", "2026-01-22T10:15:30Z", "2026-13-45", "2026-02-30", "+999999999-12-31",
                "-999999999-01-01", "+999999999-12-31T23:59:59Z", "292278994-08-17T07:12:55Z", "0000-01-01",
                "9999-12-31T23:59:59.999999999+18:00", "yesterday", "1769076930", "now-1d", "now", "*", "2026-01-22||+1d",
                "", "2026-01-22T10:15:30+99:00", "1970-01-01T00:00:00Z", "-0001-01-01");
    }

    /**
     * A request through java.net.http; the key header is the stack's key most of the time, and sometimes missing or
     * wrong, where a 401/403 problem is as good an answer as any other.
     */
    private Answer send(String method, String url, String contentType, byte[] body, Hostile hostile) throws Exception {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException notAUri) {
            URI base = URI.create(url.substring(0, url.indexOf('/', "http://".length())));
            return sendRaw(base.toString(), method, url.substring(base.toString().length()), hostile);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        double keyRoll = hostile.random.nextDouble();
        if (keyRoll < 0.9) {
            keyed(request);
        } else if (keyRoll < 0.95) {
            request.header(LocalStack.API_KEY_HEADER, hostile.pick(List.of("wrong", "akhbar-local-00", "*", " ", "%00",
                    stack.apiKey() + "x", stack.apiKey().toUpperCase(Locale.ROOT), "k".repeat(4_000))));
        }
        HttpRequest built = request.build();
        return honouringRetryAfter(() -> {
            HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            return new Answer(response.statusCode(), headers, response.body());
        });
    }

    /**
     * Sends again after the per-client rate limit's 429 (itself a problem+json), as a well-behaved client would, so
     * that every case reaches the handler it is aimed at rather than the limiter.
     */
    private static Answer honouringRetryAfter(java.util.concurrent.Callable<Answer> exchange) throws Exception {
        Answer answer = exchange.call();
        String retryAfter = answer.headers().get("retry-after");
        if (answer.status() != 429 || retryAfter == null) {
            return answer;
        }
        Duration wait = Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter.trim())));
        return await().atMost(Duration.ofMinutes(1)).pollDelay(wait).pollInterval(Duration.ofSeconds(1))
                .until(exchange, again -> again.status() != 429);
    }

    /** A GET whose request target goes out byte for byte, with escapes that java.net.URI would refuse. */
    private Answer sendRaw(String base, String method, String target, Hostile hostile) throws Exception {
        String head = method + " " + target + " HTTP/1.1\r\n"
                + (hostile.chance(0.9) ? LocalStack.API_KEY_HEADER + ": " + stack.apiKey() + "\r\n" : "");
        return honouringRetryAfter(() -> RawHttp.exchange(URI.create(base), head.getBytes(StandardCharsets.UTF_8), new byte[0]));
    }

    private static HttpRequest.Builder keyed(HttpRequest.Builder request) {
        return request.header(LocalStack.API_KEY_HEADER, stack.apiKey());
    }

    private static String ingest(String path) {
        return stack.serviceUrl("ingest-service") + path;
    }

    private static String search(String path) {
        return stack.serviceUrl("search-service") + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\n", "\\n");
        return flat.length() > 160 ? flat.substring(0, 160) + "…(" + text.length() + " chars)" : flat;
    }

    /**
     * About {@code size} bytes of the given content type: for a batch, articles over 1 MB each; for the single
     * endpoint, one article of that size (an array would be refused for its shape before its size).
     */
    private static byte[] tenMegabytes(String path, String contentType, String token, int size) {
        String big = "خبر عن " + token + " " + "كلمة ".repeat(110_000);
        StringBuilder body = new StringBuilder(size + 1_000);
        if (contentType.equals("application/x-ndjson")) {
            while (body.length() * 2 < size) {
                body.append(Json.write(Map.of("body", big))).append('\n');
            }
        } else if (contentType.startsWith("text/plain")) {
            while (body.length() * 2 < size) {
                body.append(big);
            }
        } else {
            List<Object> items = new ArrayList<>();
            int length = 0;
            while (length * 2 < size) {
                items.add(Map.of("body", big, "url", "http://127.0.0.1/" + token));
                length += big.length();
            }
            body.append(Json.write(path.endsWith(":batch") ? items : Map.of("body", big.repeat(items.size()))));
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1_000);
        for (int offset = 0; offset < body.length; offset += 100_000) {
            int length = Math.min(100_000, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
