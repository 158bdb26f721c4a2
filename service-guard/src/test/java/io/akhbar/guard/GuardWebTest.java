package io.akhbar.guard;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard in a running server, keys configured, reads open (the default). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "akhbar.guard.api-keys=right-key, other-key",
        "akhbar.guard.keyed-paths=/api/v1/articles,/api/v1/articles:batch,/api/v1/feeds/**,/api/v1/admin/**,/actuator/**",
        "management.endpoints.web.exposure.include=health,info,prometheus,metrics",
        "management.endpoint.health.probes.enabled=true"})
class GuardWebTest {

    private static final List<String> KEYED = List.of("POST /api/v1/articles", "POST /api/v1/articles:batch",
            "POST /api/v1/articles%3Abatch", "GET /api/v1/feeds", "GET /api/v1/feeds/abc", "POST /api/v1/admin/reindex",
            "GET /actuator/prometheus", "GET /actuator/metrics", "GET /actuator/info", "GET /actuator");

    @LocalServerPort
    int port;

    @Test
    void keyedEndpointsWithoutAKeyGet401WithAChallenge() throws Exception {
        for (String endpoint : KEYED) {
            HttpResponse<String> response = send(endpoint);

            assertThat(response.statusCode()).as(endpoint).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(endpoint).hasValue("Bearer realm=\"akhbar\"");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"status\":401", "api-key-missing", "X-API-Key");
        }
    }

    @Test
    void keyedEndpointsWithAWrongKeyGet403ThatDoesNotEchoTheKey() throws Exception {
        for (String endpoint : KEYED) {
            for (String[] header : List.of(new String[] {"X-API-Key", "right-kez"},
                    new String[] {"Authorization", "Bearer right-kez"}, new String[] {"X-API-Key", "right-key-and-more"})) {
                HttpResponse<String> response = send(endpoint, header);

                assertThat(response.statusCode()).as(endpoint + " " + header[1]).isEqualTo(403);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(response.body()).contains("api-key-invalid").doesNotContain("right-ke");
            }
        }
    }

    @Test
    void keyedEndpointsWithARightKeyGoThroughInEitherHeader() throws Exception {
        for (String endpoint : KEYED) {
            for (String[] header : List.of(new String[] {"X-API-Key", "right-key"},
                    new String[] {"X-API-Key", "other-key"}, new String[] {"Authorization", "Bearer right-key"},
                    new String[] {"Authorization", "bearer other-key"})) {
                HttpResponse<String> response = send(endpoint, header);

                assertThat(response.statusCode()).as(endpoint + " " + header[0]).isBetween(200, 299);
            }
        }
        assertThat(send("GET /actuator/prometheus", "X-API-Key", "right-key").body()).contains("# TYPE");
    }

    @Test
    void handlersNeverSeeTheKey() throws Exception {
        HttpResponse<String> response = send("POST /api/v1/admin/reindex", "X-API-Key", "right-key");
        HttpResponse<String> bearer = send("POST /api/v1/articles", "Authorization", "Bearer other-key");

        assertThat(response.body()).doesNotContain("right-key").contains("\"apiKey\":\"null\"");
        assertThat(bearer.body()).doesNotContain("other-key").contains("\"authorization\":\"null\"");
    }

    @Test
    void healthAndItsProbesArePublic() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(new GuardClient(port).get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void searchAndArticlesAreOpenByDefault() throws Exception {
        assertThat(send("GET /api/v1/search").statusCode()).isEqualTo(200);
        assertThat(send("GET /api/v1/articles/abc").statusCode()).isEqualTo(200);
        // A wrong key on an open endpoint is not held against the client: it is simply not needed.
        assertThat(send("GET /api/v1/search", "X-API-Key", "wrong").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String endpoint, String... headers) throws Exception {
        String[] parts = endpoint.split(" ");
        GuardClient client = new GuardClient(port);
        return parts[0].equals("GET") ? client.get(parts[1], headers) : client.post(parts[1], headers);
    }
}
