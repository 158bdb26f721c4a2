package io.akhbar.ingest.feed;

/**
 * What a client sends to subscribe. Only {@code url} is required.
 *
 * @param pollInterval ISO-8601 ({@code PT15M}), a number with a unit ({@code 15m}, {@code 90s}) or plain seconds
 * @param source       the name given to the feed's articles; the feed's host when absent
 */
record FeedRequest(String url, String pollInterval, String source) {
}
