package io.akhbar.ingest.feed;

import io.akhbar.contracts.FeedHealthReport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FeedHealthPublisherTest {

    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private final FeedSubscription feed = new FeedSubscription(FeedSubscription.SCHEMA_VERSION, "feed-1",
            "https://example.com/rss.xml", "مثال", "PT15M", NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(3)));

    @Test
    void mapsTheHealthViewToTheReportTheOpsSummaryShows() {
        FeedHealth health = new FeedHealth();
        health.attempted(NOW.minusSeconds(120));
        health.succeeded(NOW.minusSeconds(119), Map.of("a", NOW.minus(Duration.ofDays(3)), "b",
                NOW.minus(Duration.ofDays(3)).plusSeconds(3600)), 2);
        health.failed(NOW.minusSeconds(60), 503, "HTTP 503 from the feed", 0);

        FeedHealthReport report = FeedHealthPublisher.report(feed, health.view(NOW, Duration.ofDays(1)), NOW);

        assertThat(report.id()).isEqualTo("feed-1");
        assertThat(report.url()).isEqualTo("https://example.com/rss.xml");
        assertThat(report.source()).isEqualTo("مثال");
        assertThat(report.status()).isEqualTo("failing");
        assertThat(report.lastSuccess()).isEqualTo(NOW.minusSeconds(119));
        assertThat(report.lastError()).isEqualTo("HTTP 503 from the feed");
        assertThat(report.lastErrorAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(report.articlesPerDay()).isEqualTo(0.7);
        assertThat(report.silentSince()).isEqualTo(NOW.minus(Duration.ofDays(3)).plusSeconds(3600));
        assertThat(report.reportedAt()).isEqualTo(NOW);
    }

    @Test
    void writesTheFieldNamesTheWebUiReads() {
        FeedHealthReport report = new FeedHealthReport("feed-1", "https://example.com/rss.xml", "مثال", "ok",
                NOW, "boom", NOW, 3.5, NOW, NOW);

        String written = JsonMapper.builder().build().writeValueAsString(report);

        assertThat(written).contains("\"url\":", "\"source\":", "\"lastSuccess\":\"2026-02-01T12:00:00Z\"",
                "\"lastError\":\"boom\"", "\"articlesPerDay\":3.5", "\"silentSince\":");
    }

    @Test
    void reportsNewsAtOnceAndRoutineChangesOnlyAfterTheInterval() {
        FeedHealthReport first = report("ok", NOW, null, 3.0);

        assertThat(FeedHealthPublisher.worthSending(null, null, first, NOW, INTERVAL)).isTrue();
        // Only the last success moved: wait.
        assertThat(FeedHealthPublisher.worthSending(first, NOW, report("ok", NOW.plusSeconds(60), null, 3.1),
                NOW.plusSeconds(60), INTERVAL)).isFalse();
        assertThat(FeedHealthPublisher.worthSending(first, NOW, report("ok", NOW.plusSeconds(300), null, 3.1),
                NOW.plusSeconds(300), INTERVAL)).isTrue();
        // A failure is news.
        assertThat(FeedHealthPublisher.worthSending(first, NOW, report("failing", NOW, "HTTP 500 from the feed", 3.0),
                NOW.plusSeconds(60), INTERVAL)).isTrue();
    }

    private FeedHealthReport report(String status, Instant lastSuccess, String lastError, double perDay) {
        return new FeedHealthReport("feed-1", feed.url(), feed.source(), status, lastSuccess, lastError,
                lastError == null ? null : NOW, perDay, null, NOW);
    }
}
