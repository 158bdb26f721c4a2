package io.akhbar.ingest.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Duration;
import java.time.Instant;

/**
 * A subscription as stored in the compacted topic, key = {@link #id()}. The interval is kept as ISO-8601 text so
 * that the stored form does not depend on how a JSON mapper is configured to write durations.
 *
 * @param id           {@link FeedIds#of}: the same feed URL, however spelt, is one subscription
 * @param url          as the client gave it (trimmed): it is what gets fetched
 * @param source       the articles' {@code source}
 * @param pollInterval ISO-8601, e.g. {@code PT15M}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FeedSubscription(int schemaVersion, String id, String url, String source, String pollInterval,
                        Instant createdAt, Instant updatedAt) {

    static final int SCHEMA_VERSION = 1;

    Duration interval() {
        return Duration.parse(pollInterval);
    }

    /** The same subscription with a new interval and source, keeping its creation time. */
    boolean sameSettings(FeedSubscription other) {
        return other != null && url.equals(other.url) && source.equals(other.source)
                && pollInterval.equals(other.pollInterval);
    }
}
