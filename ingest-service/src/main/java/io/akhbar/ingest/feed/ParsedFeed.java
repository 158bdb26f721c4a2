package io.akhbar.ingest.feed;

import java.util.List;

/**
 * @param language ISO 639 code from the feed's language (e.g. {@code ar} from {@code ar-EG}), or null
 */
record ParsedFeed(String title, String language, List<FeedEntry> entries) {
}
