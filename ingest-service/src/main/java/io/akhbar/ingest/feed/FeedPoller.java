package io.akhbar.ingest.feed;

import io.akhbar.contracts.ArticleIds;
import io.akhbar.contracts.ArticleSubmitted;
import io.akhbar.ingest.feed.FeedParser.FeedParseException;
import io.akhbar.ingest.submission.ArticleIntake;
import io.akhbar.ingest.submission.ArticleSubmission;
import io.akhbar.ingest.submission.InvalidArticleException;
import io.akhbar.ingest.submission.PublishResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One poll of one feed: conditional GET, parse, turn new or changed entries into articles through the same intake as
 * the HTTP API, wait for Kafka, and say when to poll next. The validators (ETag, Last-Modified) are kept only when
 * every entry of the document made it into Kafka; otherwise the next poll must see the whole document again.
 */
final class FeedPoller {

    static final String FEED_ACCEPT =
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final WebFetcher fetcher;
    private final ArticleIntake intake;
    private final FeedProperties properties;
    private final Duration ackTimeout;
    private final Backoff backoff;
    private final Clock clock;

    FeedPoller(WebFetcher fetcher, ArticleIntake intake, FeedProperties properties, Duration ackTimeout,
               Backoff backoff, Clock clock) {
        this.fetcher = fetcher;
        this.intake = intake;
        this.properties = properties;
        this.ackTimeout = ackTimeout;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** @return how long to wait before the next poll of this feed */
    Duration poll(FeedSubscription feed, FeedState state) throws InterruptedException {
        FeedHealth health = state.health;
        health.attempted(clock.instant());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", FEED_ACCEPT);
        if (state.etag != null) {
            headers.put("If-None-Match", state.etag);
        }
        if (state.lastModified != null) {
            headers.put("If-Modified-Since", state.lastModified);
        }
        WebFetcher.Response response;
        try {
            response = fetcher.get(URI.create(feed.url()), headers, properties.maxFeedSize().toBytes());
        } catch (IOException | IllegalArgumentException e) {
            return failed(feed, state, null, "fetch failed: " + describe(e), null, 0);
        }
        int status = response.status();
        if (status == 304) {
            health.succeeded(clock.instant(), Map.of(), 0);
            return feed.interval();
        }
        if (status / 100 != 2) {
            Duration retryAfter = status == 429 || status >= 500
                    ? Backoff.parseRetryAfter(response.retryAfter(), clock.instant()).orElse(null)
                    : null;
            return failed(feed, state, status, "HTTP " + status + " from the feed", retryAfter, 0);
        }
        ParsedFeed parsed;
        try {
            parsed = FeedParser.parse(response.body(), response.contentType(), response.uri());
        } catch (FeedParseException e) {
            return failed(feed, state, null, e.getMessage(), null, 0);
        }
        return publish(feed, state, parsed, response);
    }

    private Duration publish(FeedSubscription feed, FeedState state, ParsedFeed parsed, WebFetcher.Response response)
            throws InterruptedException {
        Instant now = clock.instant();
        Map<String, Instant> dates = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        List<String> fingerprints = new ArrayList<>();
        List<ArticleSubmitted> events = new ArrayList<>();
        Set<String> inThisPoll = new HashSet<>();
        int pagesLeft = properties.maxPagesPerPoll();
        boolean deferred = false;
        for (FeedEntry entry : parsed.entries()) {
            String key = key(entry);
            dates.putIfAbsent(key, entry.publishedAt() != null ? entry.publishedAt() : now);
            String fingerprint = FeedIds.sha256(entry.title() + "|" + entry.contentHtml() + "|" + entry.summaryHtml()
                    + "|" + entry.publishedAt());
            if (fingerprint.equals(state.published.get(key)) || !inThisPoll.add(key)) {
                continue;
            }
            String text = HtmlText.ofFragment(entry.contentHtml());
            if (text.isEmpty()) {
                String summary = HtmlText.ofFragment(entry.summaryHtml());
                if (properties.fullText() && entry.link() != null) {
                    if (pagesLeft == 0) {
                        deferred = true; // page budget spent: next poll
                        continue;
                    }
                    pagesLeft--;
                    text = fullText(entry.link()).filter(page -> page.length() > summary.length()).orElse(summary);
                } else {
                    text = summary;
                }
            }
            ArticleSubmission submission = new ArticleSubmission(entry.title(), text, entry.link(), feed.source(),
                    parsed.language(), entry.publishedAt() == null ? null : entry.publishedAt().toString());
            try {
                events.add(intake.prepare(submission));
                keys.add(key);
                fingerprints.add(fingerprint);
            } catch (InvalidArticleException e) {
                // An entry without usable text stays unusable until it changes: remember it so as not to refetch it.
                log.debug("Feed {}: skipping entry {}: {}", feed.id(), key, e.getMessage());
                state.published.put(key, fingerprint);
            }
        }
        int acknowledged = 0;
        int notAcknowledged = 0;
        if (!events.isEmpty()) {
            List<PublishResult> results = intake.publishAll(events, ackTimeout);
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).acknowledged()) {
                    state.published.put(keys.get(i), fingerprints.get(i));
                    acknowledged++;
                } else {
                    notAcknowledged++;
                }
            }
        }
        if (notAcknowledged > 0) {
            state.etag = null;
            state.lastModified = null;
            return failed(feed, state, null, notAcknowledged + " of " + events.size()
                    + " articles were not acknowledged by Kafka", null, acknowledged);
        }
        state.etag = deferred ? null : response.etag();
        state.lastModified = deferred ? null : response.lastModified();
        state.published.keySet().retainAll(dates.keySet());
        state.health.succeeded(clock.instant(), dates, acknowledged);
        if (acknowledged > 0) {
            log.info("Feed {} ({}): {} new or changed articles", feed.id(), feed.source(), acknowledged);
        }
        return feed.interval();
    }

    private Optional<String> fullText(String link) throws InterruptedException {
        try {
            WebFetcher.Response page = fetcher.get(URI.create(link), Map.of("Accept", PAGE_ACCEPT),
                    properties.maxPageSize().toBytes());
            String type = page.contentType() == null ? "text/html" : page.contentType().toLowerCase(Locale.ROOT);
            if (page.status() != 200 || !type.contains("html")) {
                log.debug("No article text from {}: HTTP {} {}", link, page.status(), type);
                return Optional.empty();
            }
            return ArticleExtractor.extract(HtmlPages.parse(page.body(), page.contentType(), page.uri().toString()));
        } catch (IOException | IllegalArgumentException e) {
            log.debug("No article text from {}: {}", link, describe(e));
            return Optional.empty();
        }
    }

    private Duration failed(FeedSubscription feed, FeedState state, Integer httpStatus, String message,
                            Duration retryAfter, int published) {
        int failures = state.health.failed(clock.instant(), httpStatus, message, published);
        Duration delay = backoff.after(feed.interval(), failures, retryAfter);
        log.info("Feed {} ({}) failed {} time(s) in a row: {}; next poll in {}", feed.id(), feed.url(), failures,
                message, delay);
        return delay;
    }

    /** The entry's identity across polls: its canonical link, else its guid, else its text. */
    private static String key(FeedEntry entry) {
        return ArticleIds.canonicalUrl(entry.link())
                .or(() -> Optional.ofNullable(entry.guid()))
                .orElseGet(() -> "text:" + FeedIds.sha256(entry.title() + "|" + entry.summaryHtml()));
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
