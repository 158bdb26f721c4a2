package io.akhbar.e2e;

import io.akhbar.localstack.KafkaProbe;
import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.LocalStackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monitoring that docker compose ships, checked with the real tools: promtool validates the Prometheus
 * configuration and rules, and a real Prometheus scrapes the three running services; every metric the Grafana
 * dashboard draws must be one the services export.
 */
@ExtendWith(LocalStackExtension.class)
class MonitoringIT {

    private static final Path MONITORING = Path.of("../docker");
    private static final Pattern METRIC = Pattern.compile("\\b(akhbar_[a-z_]+|jvm_[a-z_]+|process_[a-z_]+|spring_cloud_stream_[a-z_]+)");

    private static LocalStack stack;
    /** The committed configuration as it runs here: host names replaced, the stack's key beside it. */
    @TempDir
    static Path work;
    private static Process prometheus;
    private static int prometheusPort;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startPrometheus() throws Exception {
        stack = LocalStack.sharedWithServices();
        // The committed configuration with the compose host names replaced by where the services run here.
        String config = Files.readString(MONITORING.resolve("prometheus/prometheus.yml"))
                .replace("ingest-service:8081", hostPort(stack.serviceUrl("ingest-service")))
                .replace("nlp-service:8082", hostPort(stack.serviceUrl("nlp-service")))
                .replace("search-service:8083", hostPort(stack.serviceUrl("search-service")));
        Files.writeString(work.resolve("prometheus.yml"), config);
        Files.copy(MONITORING.resolve("prometheus/akhbar-rules.yml"), work.resolve("akhbar-rules.yml"));
        // Where the configuration's credentials_file points (relative to it), as compose mounts the secret.
        Files.writeString(work.resolve("akhbar-api-key"), stack.apiKey());
        try (ServerSocket socket = new ServerSocket(0)) {
            prometheusPort = socket.getLocalPort();
        }
        prometheus = new ProcessBuilder("prometheus",
                "--config.file=" + work.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile())
                .start();
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void promtoolAcceptsTheConfigurationAndTheRules(@TempDir Path committed) throws Exception {
        // promtool insists that the key file exists; the key is never committed, so check a copy with one beside it.
        Files.copy(MONITORING.resolve("prometheus/prometheus.yml"), committed.resolve("prometheus.yml"));
        Files.copy(MONITORING.resolve("prometheus/akhbar-rules.yml"), committed.resolve("akhbar-rules.yml"));
        Files.writeString(committed.resolve("akhbar-api-key"), "placeholder");
        assertThat(run("promtool", "check", "config", committed.resolve("prometheus.yml").toString()))
                .contains("SUCCESS");
        assertThat(run("promtool", "check", "rules", MONITORING.resolve("prometheus/akhbar-rules.yml").toString()))
                .contains("SUCCESS: 5 rules found");
    }

    @Test
    void metricsNeedTheKeyAndHealthDoesNot() throws Exception {
        for (String service : List.of("ingest-service", "nlp-service", "search-service")) {
            String url = stack.serviceUrl(service);
            assertThat(get(url + "/actuator/prometheus").statusCode()).as(service).isEqualTo(401);
            assertThat(get(url + "/actuator/prometheus", "Authorization", "Bearer wrong").statusCode()).as(service)
                    .isEqualTo(403);
            assertThat(get(url + "/actuator/prometheus", "Authorization", "Bearer " + stack.apiKey()).statusCode())
                    .as(service).isEqualTo(200);
            assertThat(get(url + "/actuator/health").statusCode()).as(service).isEqualTo(200);
        }
    }

    @Test
    void prometheusScrapesAllThreeServicesAndTheyExportWhatTheDashboardDraws() throws Exception {
        // Traffic through the whole pipeline, so that the per-article metrics have samples.
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(
                        URI.create(stack.serviceUrl("ingest-service") + "/api/v1/articles"))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header(LocalStack.API_KEY_HEADER, stack.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString("خبر للمراقبة عن مدينة حلب وأسواقها."))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        // And one record the indexer can never read, so that the dead-letter metric exists too.
        try (KafkaProbe kafka = new KafkaProbe(stack.kafkaBootstrapServers())) {
            kafka.send("articles.enriched", "monitoring-poison", "{not json".getBytes(StandardCharsets.UTF_8), java.util.Map.of());
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> query("sum(up{job=\"akhbar\"})"), value -> value == 3.0);

        Set<String> drawn = dashboardMetrics();
        assertThat(drawn).contains("akhbar_articles_accepted_total", "akhbar_freshness_seconds_bucket");
        List<String> missing = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            missing.clear();
            for (String metric : drawn) {
                if (query("count({__name__=\"" + metric + "\"})") <= 0) {
                    missing.add(metric);
                }
            }
            return missing.isEmpty();
        });
        assertThat(missing).isEmpty();
    }

    private Set<String> dashboardMetrics() throws IOException {
        JsonNode dashboard = json.readTree(Files.readString(MONITORING.resolve("grafana/dashboards/akhbar-pipeline.json")));
        assertThat(dashboard.path("uid").asString()).isEqualTo("akhbar-pipeline");
        Set<String> metrics = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets").isEmpty()).as(panel.path("title").asString()).isFalse();
            for (JsonNode target : panel.path("targets")) {
                Matcher matcher = METRIC.matcher(target.path("expr").asString());
                while (matcher.find()) {
                    metrics.add(matcher.group(1));
                }
            }
        }
        return metrics;
    }

    private double query(String promql) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prometheusPort
                        + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return -1;
        }
        JsonNode result = json.readTree(response.body()).path("data").path("result");
        return result.isEmpty() ? 0 : Double.parseDouble(result.get(0).path("value").get(1).asString());
    }

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private static String hostPort(String url) {
        URI uri = URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }
}
