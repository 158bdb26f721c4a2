package io.akhbar.ingest.submission;

import java.util.List;

/** The submission breaks a rule; every broken rule is listed so that the client can fix them in one go. */
public class InvalidArticleException extends RuntimeException {

    private final List<FieldError> errors;

    InvalidArticleException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {
    }
}
