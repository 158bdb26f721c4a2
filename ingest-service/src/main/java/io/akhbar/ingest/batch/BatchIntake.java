package io.akhbar.ingest.batch;

import io.akhbar.contracts.ArticleSubmitted;
import io.akhbar.ingest.IngestProperties;
import io.akhbar.ingest.batch.BatchResponse.ItemProblem;
import io.akhbar.ingest.batch.BatchResponse.ItemResult;
import io.akhbar.ingest.submission.ArticleIntake;
import io.akhbar.ingest.submission.InvalidArticleException;
import io.akhbar.ingest.submission.PublishResult;
import io.akhbar.ingest.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Validates every item, drops repeats within the batch, publishes the rest together and reports each item.
 * "Duplicate" means only this: the same article id as an earlier item of the same batch. Ingest keeps no store of
 * what it accepted before, and need not: the id is the Kafka key and the Elasticsearch id, so a resubmission in a
 * later request is accepted again and overwrites the same document.
 */
@Service
class BatchIntake {

    private final ArticleIntake intake;
    private final long maxArticleBytes;
    private final Duration ackTimeout;
    private final Semaphore inProgress;

    BatchIntake(ArticleIntake intake, IngestProperties properties) {
        this.intake = intake;
        this.maxArticleBytes = properties.maxRequestSize().toBytes();
        this.ackTimeout = properties.batch().ackTimeout();
        this.inProgress = new Semaphore(properties.batch().maxConcurrent());
    }

    /** Reads the body only when a slot is free: a busy service answers 429 before buffering another batch. */
    BatchResponse submit(Body body) throws IOException {
        if (!inProgress.tryAcquire()) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-batches", "Too many batches",
                    "Ingest is processing as many batches as it takes at once; retry shortly", Duration.ofSeconds(1));
        }
        try {
            return submit(body.read());
        } finally {
            inProgress.release();
        }
    }

    private BatchResponse submit(List<BatchItem> items) {
        ItemResult[] results = new ItemResult[items.size()];
        Map<String, Integer> firstIndexById = new HashMap<>();
        List<BatchItem> toPublish = new ArrayList<>();
        List<ArticleSubmitted> events = new ArrayList<>();
        for (BatchItem item : items) {
            if (item.unreadable() != null) {
                results[item.index()] = ItemResult.rejected(item, new ItemProblem(ItemProblem.TYPE_BASE + "unreadable-item",
                        "Unreadable item", item.unreadable(), null));
                continue;
            }
            ArticleSubmitted event;
            try {
                event = intake.prepare(item.submission());
            } catch (InvalidArticleException e) {
                results[item.index()] = ItemResult.rejected(item, new ItemProblem(ItemProblem.TYPE_BASE + "invalid-article",
                        "Invalid article", e.getMessage(), e.errors()));
                continue;
            }
            if (tooLarge(event)) {
                results[item.index()] = ItemResult.rejected(item, new ItemProblem(ItemProblem.TYPE_BASE + "article-too-large",
                        "Article too large", "One article may be at most " + maxArticleBytes + " bytes, as on the "
                        + "single-article endpoint", null));
                continue;
            }
            Integer first = firstIndexById.putIfAbsent(event.id(), item.index());
            if (first != null) {
                results[item.index()] = ItemResult.duplicate(item, event.id(), first);
                continue;
            }
            toPublish.add(item);
            events.add(event);
        }
        if (!events.isEmpty()) {
            List<PublishResult> published = intake.publishAll(events, ackTimeout);
            if (published.stream().noneMatch(PublishResult::acknowledged)) {
                // Nothing was accepted: the whole request is retryable, as for a single article.
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", "Batch not accepted",
                        "The message broker did not acknowledge any article of the batch, so none was accepted. "
                                + "Retry later.", Duration.ofSeconds(5));
            }
            for (int i = 0; i < published.size(); i++) {
                BatchItem item = toPublish.get(i);
                PublishResult result = published.get(i);
                results[item.index()] = result.acknowledged()
                        ? ItemResult.accepted(item, result.id())
                        : ItemResult.failed(item, result.id(), result.failure());
            }
        }
        return BatchResponse.of(Arrays.asList(results));
    }

    interface Body {
        List<BatchItem> read() throws IOException;
    }

    private boolean tooLarge(ArticleSubmitted event) {
        long upperBound = 3L * (event.body().length() + (event.title() == null ? 0 : event.title().length()));
        return upperBound > maxArticleBytes && event.body().getBytes(StandardCharsets.UTF_8).length
                + (event.title() == null ? 0 : event.title().getBytes(StandardCharsets.UTF_8).length) > maxArticleBytes;
    }
}
