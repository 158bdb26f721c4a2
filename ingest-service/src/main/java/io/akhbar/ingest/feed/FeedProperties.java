package io.akhbar.ingest.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Feed subscriptions and polling.
 *
 * @param pollingEnabled      poll on this instance; the subscription API works either way
 * @param subscriptionsTopic  compacted topic holding the subscriptions, key = feed id, tombstone = unsubscribed
 * @param brokers             Kafka bootstrap servers, the binder's by default
 * @param replicationFactor   replicas of the subscriptions topic when ingest creates it
 * @param defaultPollInterval interval of a subscription that names none
 * @param minPollInterval     shortest interval a subscription may ask for
 * @param pollerThreads       feeds fetched at once
 * @param perHostInterval     least time between two requests to one host (feeds and article pages alike)
 * @param maxFeedSize         larger feed documents are refused
 * @param maxPageSize         larger article pages are refused (the entry's summary is used instead)
 * @param fullText            fetch the linked page when an entry carries only a summary
 * @param maxPagesPerPoll     article pages fetched per poll of one feed; the rest wait for the next poll
 * @param maxBackoff          longest pause after repeated failures (a server's Retry-After is honoured up to a day)
 * @param silentAfter         a feed whose newest entry is older than this (or than four of its usual gaps between
 *                            entries, whichever is longer) is reported silent
 * @param allowPrivateHosts   fetch loopback, private and link-local addresses too (tests, intranets)
 * @param healthTopic         compacted topic the polling instance reports each feed's health to, key = feed id
 * @param healthReportInterval a report that differs only in its last success or rate waits this long after the
 *                            previous one; a change of status, error or silence is reported at once
 */
@ConfigurationProperties(prefix = "akhbar.feeds")
record FeedProperties(
        boolean pollingEnabled,
        String subscriptionsTopic,
        String brokers,
        short replicationFactor,
        Duration defaultPollInterval,
        Duration minPollInterval,
        int pollerThreads,
        Duration perHostInterval,
        Duration connectTimeout,
        Duration requestTimeout,
        DataSize maxFeedSize,
        DataSize maxPageSize,
        boolean fullText,
        int maxPagesPerPoll,
        Duration maxBackoff,
        Duration silentAfter,
        boolean allowPrivateHosts,
        String userAgent,
        String healthTopic,
        Duration healthReportInterval) {

    /** Longer intervals are more likely a typo than a wish: a day-old poll of a news feed misses most of it. */
    static final Duration MAX_POLL_INTERVAL = Duration.ofDays(1);
}
