package io.akhbar.ingest.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure that the client caused or must wait out, thrown by any feature and rendered by {@link ProblemAdvice} as
 * problem+json; features need not know about the advice, only about the status and the problem type.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Duration retryAfter;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    public ProblemException(HttpStatus status, String type, String title, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.retryAfter = retryAfter;
    }

    public ProblemException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    HttpStatus status() {
        return status;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    ProblemDetail toProblem() {
        ProblemDetail problem = ProblemAdvice.problem(status, type, title, getMessage());
        properties.forEach(problem::setProperty);
        return problem;
    }
}
