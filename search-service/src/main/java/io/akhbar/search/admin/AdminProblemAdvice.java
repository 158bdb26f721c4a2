package io.akhbar.search.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * The admin API's own errors as RFC 9457 problem+json; Spring's (bad JSON body, type mismatch) are answered by the
 * service-wide advice.
 */
@RestControllerAdvice(basePackageClasses = AdminProblemAdvice.class)
class AdminProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(AdminProblemAdvice.class);
    private static final String TYPE_BASE = "https://akhbar.io/problems/";

    @ExceptionHandler(InvalidAdminRequestException.class)
    ProblemDetail invalid(InvalidAdminRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-admin-request", "Invalid admin request",
                e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(DeadLetterNotFoundException.class)
    ProblemDetail notFound(DeadLetterNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "dead-letter-not-found", "Dead letter not found", e.getMessage());
    }

    @ExceptionHandler(KafkaUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(KafkaUnavailableException e) {
        log.warn("Admin request failed: {}", e.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Kafka unavailable",
                "Kafka did not answer in time. Retry later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
