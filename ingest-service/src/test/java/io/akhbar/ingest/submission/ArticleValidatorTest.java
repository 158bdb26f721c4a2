package io.akhbar.ingest.submission;

import io.akhbar.ingest.IngestProperties;
import io.akhbar.ingest.submission.ArticleValidator.ValidArticle;
import io.akhbar.ingest.submission.InvalidArticleException.FieldError;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ArticleValidatorTest {

    private final ArticleValidator validator =
            new ArticleValidator(new IngestProperties(DataSize.ofMegabytes(1), 20, 160,
                    new IngestProperties.Batch(1000, DataSize.ofMegabytes(16), 4, java.time.Duration.ofSeconds(30))));

    @Test
    void acceptsAFullSubmissionAndTypesItsFields() {
        ValidArticle article = validator.validate(new ArticleSubmission(
                " عنوان ", "نص الخبر", "https://example.com/a", "الشرق", "ar", "2026-01-22T10:15:30+03:00"));

        assertThat(article.title()).isEqualTo("عنوان");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-01-22T07:15:30Z"));
        assertThat(article.language()).isEqualTo("ar");
    }

    @Test
    void aDateWithoutTimeIsMidnightUtc() {
        ValidArticle article = validator.validate(new ArticleSubmission(null, "نص", null, null, null, "2026-01-22"));

        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-01-22T00:00:00Z"));
    }

    @Test
    void blankOptionalFieldsAreAbsent() {
        ValidArticle article = validator.validate(new ArticleSubmission(" ", "نص", "", " ", "", " "));

        assertThat(article.title()).isNull();
        assertThat(article.url()).isNull();
        assertThat(article.source()).isNull();
        assertThat(article.publishedAt()).isNull();
    }

    @Test
    void listsEveryBrokenRuleAtOnce() {
        var e = catchThrowableOfType(InvalidArticleException.class, () -> validator.validate(new ArticleSubmission(
                "عنوان طويل جدا جدا جدا جدا", " ", "ftp://example.com", null, "Arabic", "yesterday")));

        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactly("body", "title", "url", "language", "publishedAt");
    }

    @Test
    void refusesTextThatIsNotText() {
        assertThat(errorsFor("نص\u0000مخفي")).containsExactly("must not contain NUL characters");
        assertThat(errorsFor("نص\uD800")).containsExactly("must not contain unpaired surrogates");
        assertThat(errorsFor("\uDC00نص")).containsExactly("must not contain unpaired surrogates");
        assertThat(errorsFor("12345 !!!")).containsExactly("must contain words");
        assertThat(errorsFor("emoji 😀 is fine")).isEmpty();
    }

    private java.util.List<String> errorsFor(String body) {
        try {
            validator.validate(new ArticleSubmission(null, body, null, null, null, null));
            return java.util.List.of();
        } catch (InvalidArticleException e) {
            return e.errors().stream().map(FieldError::message).toList();
        }
    }
}
