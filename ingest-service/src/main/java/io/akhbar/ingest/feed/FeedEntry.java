package io.akhbar.ingest.feed;

import java.time.Instant;

/**
 * One entry of a feed, as far as ingest needs it.
 *
 * @param link        absolute URL of the article page, or null
 * @param guid        the entry's own id (RSS guid, Atom id), or null
 * @param title       plain text, or null
 * @param contentHtml the full text the feed carries (content:encoded, Atom content), or null
 * @param summaryHtml the description or summary, or null
 * @param publishedAt publication (else update) time given by the feed, or null
 */
record FeedEntry(String link, String guid, String title, String contentHtml, String summaryHtml, Instant publishedAt) {
}
