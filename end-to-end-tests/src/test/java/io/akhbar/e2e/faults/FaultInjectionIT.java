package io.akhbar.e2e.faults;

import io.akhbar.localstack.HttpFaultProxy;
import io.akhbar.localstack.KafkaProbe;
import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.Service;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At-least-once everywhere, idempotent at the end: every article that got acked is indexed exactly once, whatever
 * fails in between. Modelled on Kafka's own system tests: one stack for the suite, and per scenario N uniquely
 * identified articles (own URLs, so own ids, and a source name of their own) ingested through the batch endpoint
 * while one component fails, plus a few poison records written straight into each topic. Each scenario then waits
 * for the pipeline to heal by itself and checks: acked ids ⊆ indexed ids, no id twice, the DLQs hold exactly the
 * poison records, every service UP. The table is printed and written to {@code target/fault-injection.md}.
 *
 * <p>{@code -Dakhbar.faults.articles=N} sets N (default 5,000); run only this suite with
 * {@code ./mvnw -B -pl end-to-end-tests -am verify -Dit.test=FaultInjectionIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}, or leave it out with {@code -Dgroups='!fault'}.
 */
@Tag("fault")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final int ARTICLES = Integer.getInteger("akhbar.faults.articles", 5_000);
    private static final int BATCH_SIZE = 200;
    private static final Duration PACE = Duration.ofMillis(150);
    /** How long a scenario may take to heal before it counts as "no recovery"; generous for a shared machine. */
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(Long.getLong("akhbar.faults.recovery-limit-seconds", 360));
    /** Ingest's promise while the broker is down: 503 problem+json within 5 s (its sends give up after 4.5 s). */
    private static final Duration UNAVAILABLE_WITHIN = Duration.ofSeconds(5);
    private static final int POISON_PER_TOPIC = 2;
    private static final String POISON = "akhbar-poison:";
    private static final List<String> DEAD_LETTER_TOPICS = List.of("articles.raw.dlq", "articles.enriched.dlq");
    private static final Path REPORT = Path.of("target", "fault-injection.md");

    private static final FaultReport report = new FaultReport();
    private static HttpFaultProxy elasticsearchProxy;
    private static LocalStack stack;
    private static KafkaProbe kafka;
    private static IndexedArticles index;
    private static long suiteStarted;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startStack() throws IOException {
        suiteStarted = System.nanoTime();
        // search-service talks to Elasticsearch through the proxy (to be pushed back on); the test asks ES directly.
        int elasticsearchPort = freePort();
        elasticsearchProxy = new HttpFaultProxy("http://127.0.0.1:" + elasticsearchPort);
        stack = LocalStack.builder()
                .withServices(true)
                .elasticsearchPort(elasticsearchPort)
                .fallBackToFreePorts(false)
                // Five JVMs boot at once, and restart during the suite, on a machine that may be shared.
                .startupTimeout(Duration.ofMinutes(10))
                .serviceArguments(Service.SEARCH, "--akhbar.elasticsearch.url=" + elasticsearchProxy.url())
                .build()
                .start();
        kafka = new KafkaProbe(stack.kafkaBootstrapServers());
        index = new IndexedArticles(stack.elasticsearchUrl());
    }

    @AfterAll
    static void stopStackAndReport() {
        String heading = String.format(Locale.ROOT, "Fault injection, N = %d per scenario, suite %.0f s, load average %s",
                ARTICLES, (System.nanoTime() - suiteStarted) / 1e9, loadAverage());
        System.out.println(report.render(heading));
        report.write(REPORT, heading);
        if (kafka != null) {
            kafka.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (elasticsearchProxy != null) {
            elasticsearchProxy.close();
        }
    }

    @Test
    @Order(1)
    void elasticsearchStoppedForAMinute() throws Exception {
        run("elasticsearch-stopped-60s", scenario -> {
            scenario.awaitAcked(ARTICLES / 4);
            stack.stopElasticsearch();
            hold(Duration.ofSeconds(60));
            Duration restart = stack.startElasticsearch();
            return "Elasticsearch back after " + seconds(restart) + " s";
        });
    }

    @Test
    @Order(2)
    void kafkaBrokerKilledAndRestarted() throws Exception {
        run("kafka-sigkill", scenario -> {
            scenario.awaitAcked(ARTICLES / 4);
            stack.killKafka();
            List<Long> singleArticleMillis = new ArrayList<>();
            for (int probe = 0; probe < 3; probe++) {
                singleArticleMillis.add(scenario.expectUnavailable(probe));
                hold(Duration.ofSeconds(3));
            }
            Duration restart = stack.restartKafka();
            return "single POST while down: 503 in " + singleArticleMillis + " ms; broker back after "
                    + seconds(restart) + " s";
        });
    }

    @Test
    @Order(3)
    void nlpServiceKilledMidStream() throws Exception {
        run("nlp-sigkill", scenario -> {
            scenario.awaitAcked(ARTICLES / 3);
            scenario.awaitSomeIndexed();
            stack.kill(Service.NLP);
            Duration restart = stack.restart(Service.NLP);
            return "nlp-service UP again after " + seconds(restart) + " s";
        });
    }

    @Test
    @Order(4)
    void searchServiceKilledMidBulk() throws Exception {
        run("search-sigkill", scenario -> {
            scenario.awaitAcked(ARTICLES / 3);
            scenario.awaitSomeIndexed();
            // Killed the moment a new bulk request reaches Elasticsearch: its answer never gets back.
            long bulks = elasticsearchProxy.bulks();
            await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofMillis(5))
                    .until(() -> elasticsearchProxy.bulks() > bulks);
            stack.kill(Service.SEARCH);
            Duration restart = stack.restart(Service.SEARCH);
            return "search-service UP again after " + seconds(restart) + " s";
        });
    }

    @Test
    @Order(5)
    void elasticsearchPushesBackWith429() throws Exception {
        run("elasticsearch-429", scenario -> {
            scenario.awaitAcked(ARTICLES / 4);
            long rejectedBefore = elasticsearchProxy.rejectedBulks();
            elasticsearchProxy.rejectBulks(0.5);
            hold(Duration.ofSeconds(30));
            elasticsearchProxy.rejectBulks(0);
            long rejected = elasticsearchProxy.rejectedBulks() - rejectedBefore;
            assertThat(rejected).as("bulk requests answered 429").isPositive();
            return rejected + " bulks answered 429 over 30 s (every other one)";
        });
    }

    @FunctionalInterface
    interface Fault {
        /** Injects the fault and ends it (the failed component is back); returns a note for the table. */
        String inject(Scenario scenario) throws Exception;
    }

    private void run(String name, Fault fault) throws Exception {
        Scenario scenario = new Scenario(name);
        Set<String> poison = scenario.injectPoison();
        BatchIngester ingester = new BatchIngester(stack.serviceUrl(Service.INGEST), stack.apiKey(),
                IntStream.range(0, ARTICLES).mapToObj(i -> article(name, i)).toList(), BATCH_SIZE, PACE,
                RECOVERY_LIMIT.plusMinutes(4));
        scenario.ingester = ingester;
        ingester.startInBackground("ingest-" + name);

        String note = fault.inject(scenario);
        long faultEnded = System.nanoTime();

        double recoverySeconds;
        try {
            await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> ingester.done()
                            && index.count(scenario.source) == ingester.ackedCount()
                            && deadLetters(name).containsAll(poison)
                            && allServicesUp());
            recoverySeconds = (System.nanoTime() - faultEnded) / 1e9;
        } catch (ConditionTimeoutException e) {
            recoverySeconds = -1;
        }

        Set<String> acked = Set.copyOf(ingester.acked());
        List<String> indexedIds = index.ids(scenario.source);
        Set<String> indexed = new HashSet<>(indexedIds);
        Set<String> lost = new TreeSet<>(acked);
        lost.removeAll(indexed);
        Map<String, Long> deadLettered = deadLetterCounts(name);
        int deadLetterRecords = deadLettered.values().stream().mapToInt(Long::intValue).sum();
        report.add(new FaultReport.Row(name, ARTICLES, acked.size(), indexed.size(), lost.size(),
                indexedIds.size() - indexed.size(), deadLetterRecords, poison.size(), recoverySeconds,
                note + "; " + ingester.resentItems() + " items resent; HTTP " + ingester.statuses()));

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(ingester.crashed()).as("ingest client error").isNull();
        softly.assertThat(ingester.rejected()).as("articles ingest rejected").isEmpty();
        softly.assertThat(acked).as("acked articles").hasSize(ARTICLES);
        softly.assertThat(lost).as("acked but never indexed").isEmpty();
        softly.assertThat(indexedIds).as("indexed ids (a repeat is a duplicate)").doesNotHaveDuplicates();
        softly.assertThat(indexed).as("indexed ids").isEqualTo(acked);
        softly.assertThat(deadLettered.keySet()).as("dead letters of " + name).isEqualTo(poison);
        softly.assertThat(nonPoisonDeadLetters()).as("dead letters that are not poison").isEmpty();
        softly.assertThat(recoverySeconds).as("seconds until healed by itself").isNotNegative();
        softly.assertThat(ingester.unavailable()).as("503 answers: problem+json within " + UNAVAILABLE_WITHIN)
                .allSatisfy(answer -> {
                    assertThat(answer.tookMillis()).isLessThanOrEqualTo(UNAVAILABLE_WITHIN.toMillis());
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                });
        softly.assertAll();
    }

    /** The per-scenario handle a fault uses to time itself against the stream. */
    final class Scenario {

        final String name;
        final String source;
        BatchIngester ingester;

        Scenario(String name) {
            this.name = name;
            this.source = "fault-" + name;
        }

        /**
         * Records that can never be processed, written straight into both topics: JSON cut off half way, each with a
         * marker naming the scenario, the topic and a number.
         */
        Set<String> injectPoison() {
            Set<String> markers = new TreeSet<>();
            for (String topic : List.of("articles.raw", "articles.enriched")) {
                for (int i = 0; i < POISON_PER_TOPIC; i++) {
                    String marker = POISON + name + ":" + topic + ":" + i;
                    kafka.send(topic, marker, ("{\"id\":\"" + marker + "\",\"title\":\"cut off")
                            .getBytes(StandardCharsets.UTF_8), Map.of());
                    markers.add(marker);
                }
            }
            return markers;
        }

        void awaitAcked(int articles) {
            await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> ingester.ackedCount() >= articles || ingester.done());
        }

        void awaitSomeIndexed() {
            await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> index.count(source) > 0);
        }

        /** One article to the single endpoint while the broker is down: 503 problem+json, never 202; returns the ms. */
        long expectUnavailable(int probe) throws Exception {
            String article = json.writeValueAsString(Map.of("title", "خبر لا يقبل", "body",
                    "خبر تجريبي يرسل والوسيط متوقف رقم " + probe + ".", "url",
                    "https://faults.akhbar.test/probe/" + name + "/" + probe, "source", "fault-probe"));
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(stack.serviceUrl(Service.INGEST) + "/api/v1/articles"))
                    .header("Content-Type", "application/json")
                    .header(LocalStack.API_KEY_HEADER, stack.apiKey())
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(article))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(millis).as("ms until 503").isLessThanOrEqualTo(UNAVAILABLE_WITHIN.toMillis());
            return millis;
        }
    }

    private static String article(String scenario, int i) {
        String[] places = {"القاهرة", "بيروت", "الرباط", "عمان", "الدوحة", "تونس", "بغداد", "الرياض"};
        String[] topics = {"التجارة", "الطاقة", "المياه", "التعليم", "الصحة", "النقل", "الزراعة", "السياحة"};
        String place = places[i % places.length];
        String topic = topics[(i / places.length) % topics.length];
        Map<String, String> article = new LinkedHashMap<>();
        article.put("title", "اجتماع رقم " + i + " في " + place + " حول " + topic);
        article.put("body", "عقد المسؤولون في " + place + " اجتماعهم رقم " + i + " لبحث ملف " + topic
                + ". وقال المتحدث إن الجلسة " + scenario.length() * 7 + i + " تناولت خطط العام المقبل. "
                + "وأضاف أن اللجنة ستعود إلى الاجتماع بعد أسبوع.");
        article.put("url", "https://faults.akhbar.test/" + scenario + "/" + i);
        article.put("source", "fault-" + scenario);
        article.put("publishedAt", String.format(Locale.ROOT, "2026-01-%02dT10:00:00Z", 1 + i % 28));
        return JsonMapper.builder().build().writeValueAsString(article);
    }

    /** The markers of this scenario's records in the DLQs, with how many copies of each. */
    private static Map<String, Long> deadLetterCounts(String scenario) {
        return allDeadLetters().stream()
                .map(FaultInjectionIT::poisonMarker)
                .filter(marker -> marker != null && marker.startsWith(POISON + scenario + ":"))
                .collect(Collectors.groupingBy(marker -> marker, Collectors.counting()));
    }

    private static Set<String> deadLetters(String scenario) {
        return deadLetterCounts(scenario).keySet();
    }

    private static List<String> nonPoisonDeadLetters() {
        return allDeadLetters().stream().filter(payload -> poisonMarker(payload) == null).toList();
    }

    private static List<String> allDeadLetters() {
        List<String> payloads = new ArrayList<>();
        for (String topic : DEAD_LETTER_TOPICS) {
            for (ConsumerRecord<String, byte[]> record : kafka.read(topic)) {
                payloads.add(new String(record.value(), StandardCharsets.UTF_8));
            }
        }
        return payloads;
    }

    private static String poisonMarker(String payload) {
        int start = payload.indexOf(POISON);
        if (start < 0) {
            return null;
        }
        int end = payload.indexOf('"', start);
        return end < 0 ? payload.substring(start) : payload.substring(start, end);
    }

    private boolean allServicesUp() throws Exception {
        for (Service service : Service.values()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                            URI.create(stack.serviceUrl(service) + "/actuator/health"))
                    .header(LocalStack.API_KEY_HEADER, stack.apiKey())
                    .timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() != 200 || !"UP".equals(json.readTree(health.body()).path("status").asString())) {
                return false;
            }
        }
        return true;
    }

    /** Keeps a fault in place for a while; the stream goes on meanwhile. */
    private static void hold(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(10)).until(() -> true);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
