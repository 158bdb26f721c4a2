package io.akhbar.guard;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collections;
import java.util.Map;

/** The services' endpoint shapes, answering trivially: what the tests look at is the guard in front of them. */
@SpringBootApplication
class GuardTestApplication {

    @RestController
    static class Endpoints {

        @PostMapping("/api/v1/articles")
        ResponseEntity<Map<String, Object>> ingest(HttpServletRequest request) {
            return ResponseEntity.accepted().body(headersSeen(request));
        }

        /** Every other shape: batch, feeds, admin, search, an article. */
        @RequestMapping({"/api/v1/articles:batch", "/api/v1/feeds", "/api/v1/feeds/{id}", "/api/v1/admin/reindex",
                "/api/v1/search", "/api/v1/articles/{id}"})
        Map<String, Object> other(HttpServletRequest request) {
            return headersSeen(request);
        }

        /** What a handler can see of the key: nothing. */
        private static Map<String, Object> headersSeen(HttpServletRequest request) {
            return Map.of("headers", Collections.list(request.getHeaderNames()),
                    "apiKey", String.valueOf(request.getHeader("X-API-Key")),
                    "authorization", String.valueOf(request.getHeader("Authorization")));
        }
    }
}
