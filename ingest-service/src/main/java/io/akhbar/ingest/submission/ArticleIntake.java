package io.akhbar.ingest.submission;

import io.akhbar.contracts.ArticleIds;
import io.akhbar.contracts.ArticleSubmitted;
import io.akhbar.ingest.IngestProperties;
import io.akhbar.ingest.submission.ArticleValidator.ValidArticle;
import org.springframework.stereotype.Service;

import java.time.Clock;

/** Turns a client's submission into the {@link ArticleSubmitted} event and returns once Kafka holds it. */
@Service
class ArticleIntake {

    private final ArticleValidator validator;
    private final ArticlePublisher publisher;
    private final IngestProperties properties;
    private final Clock clock;

    ArticleIntake(ArticleValidator validator, ArticlePublisher publisher, IngestProperties properties, Clock clock) {
        this.validator = validator;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    SubmissionAccepted submit(ArticleSubmission submission) {
        ValidArticle article = validator.validate(submission);
        String title = article.title() != null
                ? article.title()
                : TitleDerivation.firstSentence(article.body(), properties.derivedTitleLength());
        String url = ArticleIds.canonicalUrl(article.url()).orElse(null);
        var event = new ArticleSubmitted(
                ArticleSubmitted.SCHEMA_VERSION,
                ArticleIds.forArticle(url, article.body()),
                title,
                article.body(),
                url,
                article.source(),
                article.language(),
                article.publishedAt(),
                clock.instant());
        publisher.publish(event);
        return SubmissionAccepted.accepted(event.id());
    }
}
