package io.akhbar.search.indexing;

import io.akhbar.contracts.ArticleEnriched;
import io.akhbar.contracts.PipelineLog;
import io.akhbar.search.stories.StoryAssigner;
import io.akhbar.search.stories.StoryCandidate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Indexes one polled batch. Records that can never be indexed (unreadable, or refused by the mapping) go to the dead
 * letter topic; anything transient is thrown, so that the container retries the whole batch without committing.
 */
@Service
class ArticleBatchIndexer {

    private static final Logger pipeline = LoggerFactory.getLogger(PipelineLog.LOGGER);

    private final JsonMapper json;
    private final ArticleIndex index;
    private final StoryAssigner stories;
    private final BulkIndexer bulkIndexer;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final Counter indexed;
    private final MeterRegistry meters;
    private final Timer freshness;

    ArticleBatchIndexer(JsonMapper json, ArticleIndex index, StoryAssigner stories, BulkIndexer bulkIndexer,
            DeadLetters deadLetters, Clock clock, MeterRegistry meters) {
        this.json = json;
        this.index = index;
        this.stories = stories;
        this.bulkIndexer = bulkIndexer;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.indexed = meters.counter("akhbar.articles.indexed");
        this.meters = meters;
        this.freshness = Timer.builder("akhbar.freshness")
                .description("From ingest to indexed")
                .publishPercentileHistogram()
                .register(meters);
    }

    void index(List<IncomingRecord> batch) {
        Instant now = clock.instant();
        Map<String, IncomingRecord> recordsById = new LinkedHashMap<>();
        List<ArticleDocument> documents = new ArrayList<>();
        Map<IncomingRecord, RuntimeException> unreadable = new LinkedHashMap<>();
        for (IncomingRecord record : batch) {
            ArticleEnriched article;
            try {
                article = json.readValue(record.payload(), ArticleEnriched.class);
            } catch (RuntimeException e) {
                unreadable.put(record, e);
                continue;
            }
            // A batch may hold two versions of one article; the later one wins, as it would in the index.
            if (recordsById.put(article.id(), record) != null) {
                documents.removeIf(document -> document.id().equals(article.id()));
            }
            documents.add(ArticleDocument.of(article, now, record.partition(), record.offset()));
        }
        Map<String, String> refused = bulkIndexer.index(withStories(documents), index.alias());
        // Dead letters only once the bulk went through: a failed bulk retries the whole batch, and dead-lettering
        // before it would put the same unreadable record into the DLQ once per retry.
        unreadable.forEach((record, e) -> deadLetter(record, "unreadable article: " + e.getMessage(), e));
        refused.forEach((id, reason) -> deadLetter(recordsById.get(id), "refused by Elasticsearch: " + reason,
                new DeadLetters.DocumentRefusedException(reason)));
        indexed.increment(documents.size() - refused.size());
        long doneMillis = clock.millis();
        boolean logIndexed = pipeline.isInfoEnabled();
        recordsById.forEach((id, record) -> {
            if (refused.containsKey(id)) {
                return;
            }
            Long freshnessMillis = record.ingestedAtMillis() == null ? null
                    : Math.max(0, doneMillis - record.ingestedAtMillis());
            if (freshnessMillis != null) {
                freshness.record(Duration.ofMillis(freshnessMillis));
            }
            if (logIndexed) {
                record.enterLogContext(id);
                try {
                    pipeline.info("indexed, {} ms after ingest", freshnessMillis);
                } finally {
                    IncomingRecord.leaveLogContext();
                }
            }
        });
    }

    /** Story ids come from the index, so this waits for it like the bulk does: an exception retries the batch. */
    private List<ArticleDocument> withStories(List<ArticleDocument> documents) {
        if (documents.isEmpty()) {
            return documents;
        }
        Map<String, String> storyIds;
        try {
            index.ensureReady();
            storyIds = stories.assign(documents.stream()
                    .map(d -> new StoryCandidate(d.id(), d.fingerprint(), d.date(), null))
                    .toList(), index.alias());
        } catch (IOException | RuntimeException e) {
            throw new ElasticsearchUnavailableException("story look-up failed: " + e.getMessage(), e);
        }
        return documents.stream().map(d -> d.withStoryId(storyIds.get(d.id()))).toList();
    }

    private void deadLetter(IncomingRecord record, String reason, Throwable cause) {
        record.enterLogContext(null);
        try {
            deadLetters.send(record, reason, cause);
            // The reason's first word (unreadable, refused) keeps the tag's values few.
            meters.counter("akhbar.articles.dead.lettered", "stage", "indexing", "reason", reason.split("[ :]", 2)[0])
                    .increment();
            pipeline.warn("dead-lettered from {}: {}", record.origin(), reason);
        } finally {
            IncomingRecord.leaveLogContext();
        }
    }
}
