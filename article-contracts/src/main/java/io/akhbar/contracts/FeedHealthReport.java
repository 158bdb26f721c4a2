package io.akhbar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * How one subscribed feed is doing, as the polling ingest instance last reported it. Topic {@code feeds.health}
 * (compacted), record key = {@link #id()}, a tombstone when the feed is unsubscribed. The field names are the ones
 * the ops summary shows.
 *
 * @param id             feed id (hash of the canonical feed URL)
 * @param url            the feed's URL
 * @param source         the source name articles of this feed get
 * @param status         {@code pending}, {@code ok}, {@code failing} or {@code silent}
 * @param lastSuccess    end of the last successful poll, or null
 * @param lastError      the last poll failure ("HTTP 503: …", "fetch failed: …"), or null when it never failed
 * @param lastErrorAt    when that failure happened
 * @param articlesPerDay entries per day over the last seven days
 * @param silentSince    date of the newest entry when the feed stopped publishing, else null
 * @param reportedAt     when ingest wrote this report
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedHealthReport(
        String id,
        String url,
        String source,
        String status,
        Instant lastSuccess,
        String lastError,
        Instant lastErrorAt,
        double articlesPerDay,
        Instant silentSince,
        Instant reportedAt) {

    public FeedHealthReport {
        Contracts.requireText(id, "id");
        Contracts.requireText(url, "url");
    }
}
