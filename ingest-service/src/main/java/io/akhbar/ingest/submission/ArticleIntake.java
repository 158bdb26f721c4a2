package io.akhbar.ingest.submission;

import io.akhbar.contracts.ArticleIds;
import io.akhbar.contracts.ArticleSubmitted;
import io.akhbar.contracts.PipelineLog;
import io.akhbar.ingest.IngestProperties;
import io.akhbar.ingest.submission.ArticleValidator.ValidArticle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns a client's submission into the {@link ArticleSubmitted} event and publishes it; every path into Kafka (single
 * article, batch, feeds) goes through here, so validation and the id rule are the same for all.
 */
@Service
public class ArticleIntake {

    private static final Logger pipeline = LoggerFactory.getLogger(PipelineLog.LOGGER);

    private final ArticleValidator validator;
    private final ArticlePublisher publisher;
    private final IngestProperties properties;
    private final Clock clock;
    private final Counter accepted;
    private final Counter invalid;
    private final Counter unacknowledged;

    ArticleIntake(ArticleValidator validator, ArticlePublisher publisher, IngestProperties properties, Clock clock,
            MeterRegistry meters) {
        this.validator = validator;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
        this.accepted = Counter.builder("akhbar.articles.accepted")
                .description("Articles Kafka acknowledged, from every path (single, batch, feeds)")
                .register(meters);
        this.invalid = rejected(meters, "invalid");
        this.unacknowledged = rejected(meters, "broker-unavailable");
    }

    private static Counter rejected(MeterRegistry meters, String reason) {
        return Counter.builder("akhbar.articles.rejected").tag("reason", reason)
                .description("Articles not accepted, by reason").register(meters);
    }

    /** Returns once Kafka holds the article. */
    SubmissionAccepted submit(ArticleSubmission submission) {
        ArticleSubmitted event = prepare(submission);
        MDC.put(PipelineLog.ARTICLE_ID, event.id());
        try {
            publisher.publish(event);
            accepted.increment();
            pipeline.info("accepted");
        } catch (PublishFailedException e) {
            unacknowledged.increment();
            pipeline.warn("not accepted: {}", e.getMessage());
            throw e;
        } finally {
            MDC.remove(PipelineLog.ARTICLE_ID);
        }
        return SubmissionAccepted.accepted(event.id());
    }

    /**
     * Validates and builds the event without publishing it.
     *
     * @throws InvalidArticleException listing every broken rule
     */
    public ArticleSubmitted prepare(ArticleSubmission submission) {
        ValidArticle article;
        try {
            article = validator.validate(submission);
        } catch (InvalidArticleException e) {
            invalid.increment();
            throw e;
        }
        String title = article.title() != null
                ? article.title()
                : TitleDerivation.firstSentence(article.body(), properties.derivedTitleLength());
        String url = ArticleIds.canonicalUrl(article.url()).orElse(null);
        return new ArticleSubmitted(
                ArticleSubmitted.SCHEMA_VERSION,
                ArticleIds.forArticle(url, article.body()),
                title,
                article.body(),
                url,
                article.source(),
                article.language(),
                article.publishedAt(),
                clock.instant());
    }

    /**
     * Publishes all articles at once and waits, at most {@code timeout}, for Kafka's acknowledgements. A result is
     * acknowledged only when Kafka said so; one that is not may still reach Kafka later, which is harmless because
     * ids are deterministic and a retry overwrites the same record key.
     */
    public List<PublishResult> publishAll(List<ArticleSubmitted> articles, Duration timeout) {
        List<CompletableFuture<?>> acks = publisher.publishAsync(articles);
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException someFailedOrLate) {
            // Each future is inspected below; the group's outcome is only the sum of them.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<PublishResult> results = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            String failure = failureOf(acks.get(i));
            (failure == null ? accepted : unacknowledged).increment();
            logOutcome(articles.get(i).id(), failure);
            results.add(new PublishResult(articles.get(i).id(), failure));
        }
        return results;
    }

    /** One line per article of a batch or feed poll; the MDC is only touched when the line is written. */
    private static void logOutcome(String id, String failure) {
        if (failure == null ? !pipeline.isInfoEnabled() : !pipeline.isWarnEnabled()) {
            return;
        }
        MDC.put(PipelineLog.ARTICLE_ID, id);
        try {
            if (failure == null) {
                pipeline.info("accepted");
            } else {
                pipeline.warn("not accepted: {}", failure);
            }
        } finally {
            MDC.remove(PipelineLog.ARTICLE_ID);
        }
    }

    private static String failureOf(CompletableFuture<?> ack) {
        if (!ack.isDone()) {
            ack.cancel(false);
            return "Kafka did not acknowledge the article in time";
        }
        try {
            ack.join();
            return null;
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof PublishFailedException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return "Kafka did not acknowledge the article: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
        }
    }
}
