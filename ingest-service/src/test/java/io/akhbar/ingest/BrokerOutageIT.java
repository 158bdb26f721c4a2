package io.akhbar.ingest;

import io.akhbar.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest on a broker of its own, which the test then stops: a client must get a prompt 503, never a 202 for an
 * article that Kafka does not hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrokerOutageIT {

    private static LocalStack kafkaOnly;
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafkaOnly = LocalStack.builder().withElasticsearch(false).build().start();
        registry.add("spring.cloud.stream.kafka.binder.brokers", kafkaOnly::kafkaBootstrapServers);
        registry.add("akhbar.guard.api-keys", kafkaOnly::apiKey);
    }

    @AfterAll
    static void stop() {
        kafkaOnly.close();
    }

    @Test
    void withTheBrokerGoneSubmissionsGetA503WithinSecondsAndNever202() throws Exception {
        assertThat(post("قال المبعوث إنه سيسافر إلى موسكو.").statusCode()).isEqualTo(202);

        kafkaOnly.close();

        Instant start = Instant.now();
        HttpResponse<String> response = post("خبر لن يقبل لأن الوسيط متوقف.");
        Duration took = Duration.between(start, Instant.now());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asString()).endsWith("/broker-unavailable");
        // A functional bound (the producer's max.block.ms and delivery.timeout.ms), not a performance target.
        assertThat(took).isLessThan(Duration.ofSeconds(15));
    }

    private HttpResponse<String> post(String text) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/articles"))
                        .header("Content-Type", "text/plain; charset=UTF-8")
                        .header(LocalStack.API_KEY_HEADER, kafkaOnly.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString(text))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
