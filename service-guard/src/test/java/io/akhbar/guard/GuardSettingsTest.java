package io.akhbar.guard;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard under the settings other than the defaults: keyed reads, no keys at all, tight rate limits. */
class GuardSettingsTest {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "akhbar.guard.api-keys=right-key", "akhbar.guard.read-access=keyed"})
    class KeyedReads {

        @LocalServerPort
        int port;

        @Test
        void searchNeedsAKeyButHealthDoesNot() throws Exception {
            GuardClient client = new GuardClient(port);

            HttpResponse<String> missing = client.get("/api/v1/search");
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(client.get("/api/v1/articles/abc", "X-API-Key", "wrong").statusCode()).isEqualTo(403);
            assertThat(client.get("/api/v1/search", "X-API-Key", "right-key").statusCode()).isEqualTo(200);
            assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "akhbar.guard.api-keys=", "akhbar.guard.keyed-paths=/api/v1/articles,/actuator/**"})
    class NoKeysConfigured {

        @LocalServerPort
        int port;

        @Test
        void keyedEndpointsRefuseEveryoneAndSaySo() throws Exception {
            GuardClient client = new GuardClient(port);

            for (HttpResponse<String> response : List.of(client.post("/api/v1/articles"),
                    client.post("/api/v1/articles", "X-API-Key", "anything"), client.get("/actuator/prometheus"))) {
                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(response.body()).contains("api-keys-not-configured", "AKHBAR_API_KEYS");
            }
            assertThat(client.get("/api/v1/search").statusCode()).isEqualTo(200);
            assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "akhbar.guard.api-keys=right-key,second-key", "akhbar.guard.keyed-paths=/api/v1/articles,/actuator/**",
            // A rate slow enough that no token comes back during the test.
            "akhbar.guard.rate-limit.open.requests-per-second=0.01", "akhbar.guard.rate-limit.open.burst=3",
            "akhbar.guard.rate-limit.keyed.requests-per-second=0.01", "akhbar.guard.rate-limit.keyed.burst=2"})
    class RateLimited {

        @LocalServerPort
        int port;

        @Test
        void overTheLimitA429WithRetryAfter() throws Exception {
            GuardClient client = new GuardClient(port);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(client.get("/api/v1/search").statusCode());
            }
            HttpResponse<String> limited = client.get("/api/v1/search");

            assertThat(statuses).containsExactly(200, 200, 200, 429);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Long.parseLong(seconds)).isBetween(1L, 100L));
            assertThat(limited.body()).contains("rate-limited");

            // Keyed endpoints have their own budget, per key.
            assertThat(client.post("/api/v1/articles", "X-API-Key", "right-key").statusCode()).isEqualTo(202);
            assertThat(client.post("/api/v1/articles", "X-API-Key", "right-key").statusCode()).isEqualTo(202);
            assertThat(client.post("/api/v1/articles", "X-API-Key", "right-key").statusCode()).isEqualTo(429);
            assertThat(client.post("/api/v1/articles", "X-API-Key", "second-key").statusCode()).isEqualTo(202);
        }

        @Test
        void healthIsNeverLimited() throws Exception {
            GuardClient client = new GuardClient(port);
            for (int i = 0; i < 20; i++) {
                assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
            }
        }
    }
}
