package io.akhbar.search.stream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** The stream's own error; invalid parameters are the search's and leave as its 400. */
@RestControllerAdvice(assignableTypes = StreamController.class)
class StreamProblemAdvice {

    /** Long enough for other streams to end or for a load balancer to pick another instance. */
    private static final String RETRY_AFTER_SECONDS = "10";

    @ExceptionHandler(TooManySubscribersException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManySubscribersException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(URI.create("https://akhbar.io/problems/too-many-streams"));
        problem.setTitle("Too many streams");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
