package io.akhbar.ingest.submission;

import io.akhbar.contracts.ArticleIds;
import io.akhbar.ingest.IngestProperties;
import io.akhbar.ingest.submission.InvalidArticleException.FieldError;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a submission and turns its optional text fields into typed values. */
@Component
class ArticleValidator {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final IngestProperties properties;

    ArticleValidator(IngestProperties properties) {
        this.properties = properties;
    }

    ValidArticle validate(ArticleSubmission submission) {
        List<FieldError> errors = new ArrayList<>();
        String body = submission.body();
        if (body == null || body.isBlank()) {
            errors.add(new FieldError("body", "must not be empty"));
        } else {
            checkText("body", body, errors);
            if (body.codePoints().noneMatch(Character::isLetter)) {
                errors.add(new FieldError("body", "must contain words"));
            }
        }
        String title = blankToNull(submission.title());
        if (title != null) {
            checkText("title", title, errors);
            if (title.length() > properties.maxTitleLength()) {
                errors.add(new FieldError("title", "must be at most " + properties.maxTitleLength() + " characters"));
            }
        }
        String url = blankToNull(submission.url());
        if (url != null && ArticleIds.canonicalUrl(url).isEmpty()) {
            errors.add(new FieldError("url", "must be an absolute http or https URL"));
        }
        String language = blankToNull(submission.language());
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            errors.add(new FieldError("language", "must be an ISO 639 code such as ar or en"));
        }
        Instant publishedAt = parseDate(blankToNull(submission.publishedAt()), errors);
        if (!errors.isEmpty()) {
            throw new InvalidArticleException(errors);
        }
        return new ValidArticle(title, body, url, blankToNull(submission.source()), language, publishedAt);
    }

    /** NUL and lone surrogates are never article text; they come from broken encoders and break downstream tools. */
    private static void checkText(String field, String text, List<FieldError> errors) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                errors.add(new FieldError(field, "must not contain NUL characters"));
                return;
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i)))
                    || Character.isLowSurrogate(c)) {
                errors.add(new FieldError(field, "must not contain unpaired surrogates"));
                return;
            }
        }
    }

    private static Instant parseDate(String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                errors.add(new FieldError("publishedAt", "must be an ISO-8601 date or date-time such as 2026-01-22T10:15:30Z"));
                return null;
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    record ValidArticle(String title, String body, String url, String source, String language, Instant publishedAt) {
    }
}
