package io.akhbar.ingest.feed;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FeedHealthTest {

    private static final Instant NOW = Instant.parse("2026-01-22T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void aFeedThatPublishedHourlyAndStoppedTwoDaysAgoIsSilentSinceItsLastEntry() {
        Instant last = NOW.minus(Duration.ofDays(2));
        List<Instant> dates = List.of(last.minus(Duration.ofHours(2)), last.minus(Duration.ofHours(1)), last);

        assertThat(FeedHealth.silentSince(dates, NOW, DAY)).isEqualTo(last);
        assertThat(FeedHealth.silentSince(dates, last.plus(Duration.ofHours(20)), DAY)).isNull();
    }

    @Test
    void aWeeklyColumnIsNotSilentAfterADay() {
        Instant last = NOW.minus(Duration.ofDays(10));
        List<Instant> weekly = List.of(last.minus(Duration.ofDays(14)), last.minus(Duration.ofDays(7)), last);

        assertThat(FeedHealth.silentSince(weekly, NOW, DAY)).as("4 gaps of a week = 28 days").isNull();
        assertThat(FeedHealth.silentSince(weekly, last.plus(Duration.ofDays(29)), DAY)).isEqualTo(last);
    }

    @Test
    void aFeedWithOneEntryHasNotUsedToPublishYet() {
        assertThat(FeedHealth.silentSince(List.of(NOW.minus(Duration.ofDays(30))), NOW, DAY)).isNull();
    }

    @Test
    void articlesPerDayCountsTheLastWeekOverTheTimeItSpans() {
        List<Instant> today = List.of(NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)));
        List<Instant> overFourDays = List.of(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(4)),
                NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));

        assertThat(FeedHealth.articlesPerDay(today, NOW)).isEqualTo(3.0);
        assertThat(FeedHealth.articlesPerDay(overFourDays, NOW)).isEqualTo(1.0);
        assertThat(FeedHealth.articlesPerDay(List.of(NOW.minus(Duration.ofDays(9))), NOW)).isZero();
    }

    @Test
    void statusFollowsTheLastPoll() {
        FeedHealth health = new FeedHealth();
        assertThat(health.view(NOW, DAY).status()).isEqualTo("pending");

        health.attempted(NOW);
        assertThat(health.failed(NOW, 503, "HTTP 503", 0)).isEqualTo(1);
        FeedHealth.View failing = health.view(NOW, DAY);
        assertThat(failing.status()).isEqualTo("failing");
        assertThat(failing.lastError().httpStatus()).isEqualTo(503);

        health.succeeded(NOW, Map.of("a", NOW.minus(Duration.ofHours(1)), "b", NOW), 2);
        FeedHealth.View ok = health.view(NOW, DAY);
        assertThat(ok.status()).isEqualTo("ok");
        assertThat(ok.consecutiveFailures()).isZero();
        assertThat(ok.lastError()).as("the last error stays visible").isNotNull();
        assertThat(ok.articlesPublished()).isEqualTo(2);
        assertThat(ok.lastArticleAt()).isEqualTo(NOW);
    }
}
