package io.akhbar.search.ops;

import io.akhbar.contracts.FeedHealthReport;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/ops/pipeline}: every stage at a glance.
 *
 * @param feeds the last health report of every subscribed feed (url, source, lastSuccess, lastError, articlesPerDay,
 *              silentSince…), as read when the summary is asked for
 */
record PipelineSummary(
        Instant sampledAt,
        List<StageSummary> stages,
        Map<String, Long> deadLetters,
        Freshness freshness,
        ElasticsearchSummary elasticsearch,
        String status,
        List<FeedHealthReport> feeds) {

    PipelineSummary withFeeds(List<FeedHealthReport> current) {
        return new PipelineSummary(sampledAt, stages, deadLetters, freshness, elasticsearch, status, current);
    }

    /**
     * @param records       records the stage's topic has received since it was created
     * @param perSecond     rates over the last 1, 5 and 15 minutes, keyed {@code 1m}, {@code 5m}, {@code 15m}
     * @param lagRecords    records on the topic the stage's group has not committed yet
     * @param lagSeconds    age of the oldest of those, 0 when caught up
     * @param healthy       false when the stage lags beyond the configured threshold or cannot be read
     */
    record StageSummary(String name, String topic, String group, long records, Map<String, Double> perSecond,
            long lagRecords, double lagSeconds, boolean healthy, String problem) {
    }

    /** Ingest to indexed, in seconds, as measured by the indexer of this instance since it started. */
    record Freshness(long count, double p50, double p95, double p99) {
    }

    record ElasticsearchSummary(String status, long documents, String problem) {
    }
}
