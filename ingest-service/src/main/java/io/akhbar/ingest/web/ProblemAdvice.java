package io.akhbar.ingest.web;

import io.akhbar.ingest.submission.InvalidArticleException;
import io.akhbar.ingest.submission.PublishFailedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import java.net.URI;
import java.util.stream.Collectors;

/** Every error leaves as RFC 9457 problem+json, with a type a client can branch on. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final String TYPE_BASE = "https://akhbar.io/problems/";

    @ExceptionHandler(InvalidArticleException.class)
    ProblemDetail invalidArticle(InvalidArticleException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-article", "Invalid article", e.getMessage());
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<ProblemDetail> publishFailed(PublishFailedException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", "Article not accepted",
                "The message broker did not acknowledge the article, so it was not accepted. Retry later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        var response = ResponseEntity.status(e.status());
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return response.body(e.toProblem());
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ProblemDetail tooLarge(RequestTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large", e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The parser may wrap the limit's exception in its own: look down the whole chain.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
            }
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
                unreadable(e));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * What was wrong, told in terms of the request: the parser's and Spring's own messages name Java types and
     * methods (internals a client must not see) and may echo the input.
     */
    private static String unreadable(HttpMessageNotReadableException e) {
        if (!(e.getMostSpecificCause() instanceof JacksonException json)) {
            return "The request has no readable body";
        }
        String field = json.getPath().stream()
                .map(JacksonException.Reference::getPropertyName)
                .filter(name -> name != null)
                .collect(Collectors.joining("."));
        if (json instanceof DatabindException) {
            return field.isEmpty()
                    ? "The body must be a JSON object of the documented shape"
                    : field + ": must be a string";
        }
        var location = json.getLocation();
        return "The body is not well-formed JSON, or is nested too deeply"
                + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
