package io.akhbar.ingest.feed;

import java.time.Instant;
import java.util.List;

/** A subscription as the API shows it, with the health of its polling. */
record FeedView(String id, String url, String source, String pollInterval, Instant createdAt, Instant updatedAt,
                FeedHealth.View health) {

    record Page(List<FeedView> feeds) {
    }
}
