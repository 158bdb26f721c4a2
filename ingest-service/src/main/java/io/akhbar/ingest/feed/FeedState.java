package io.akhbar.ingest.feed;

import java.util.HashMap;
import java.util.Map;

/**
 * What the poller remembers about one feed between polls: the validators for conditional GET and which entries it
 * has already published in their current form. Touched by one poll at a time; read for health by the API.
 */
final class FeedState {

    final FeedHealth health = new FeedHealth();
    volatile String etag;
    volatile String lastModified;
    /** Entry key to a fingerprint of its text and date: an entry is published again only when it changed. */
    final Map<String, String> published = new HashMap<>();
}
