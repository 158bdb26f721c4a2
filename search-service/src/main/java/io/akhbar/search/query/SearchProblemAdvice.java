package io.akhbar.search.query;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;

/** Every error leaves as RFC 9457 problem+json; Spring's own (type mismatch, 404 route, 405) are handled by the base. */
@RestControllerAdvice
class SearchProblemAdvice extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchProblemAdvice.class);

    private static final String TYPE_BASE = "https://akhbar.io/problems/";

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail invalidQuery(InvalidQueryException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid search request", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        String kind = e.kind();
        return problem(HttpStatus.NOT_FOUND, kind + "-not-found",
                Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " not found", e.getMessage());
    }

    @ExceptionHandler(SearchUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(SearchUnavailableException e) {
        log.warn("Search failed: {}", e.getCause() == null ? e.toString() : e.getCause().toString());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable", "Search unavailable",
                "The search cluster is not reachable. Retry later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
