package io.akhbar.search.ops;

import io.akhbar.contracts.FeedHealthReport;
import io.akhbar.search.kafka.KafkaClientSettings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedHealthFollowerTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final FeedHealthFollower follower = new FeedHealthFollower(
            new OpsProperties(List.of(), List.of(), Duration.ofSeconds(10), 1000, "feeds.health"),
            KafkaClientSettings.of(new MockEnvironment()), json);

    @Test
    void keepsTheLatestReportPerFeedSortedByUrlAndForgetsUnsubscribedOnes() {
        follower.apply("b", bytes("""
                {"id":"b","url":"https://b.example/rss","source":"B","status":"ok","articlesPerDay":2.0}"""));
        follower.apply("a", bytes("""
                {"id":"a","url":"https://a.example/rss","source":"A","status":"failing",
                 "lastSuccess":"2026-02-01T10:00:00Z","lastError":"HTTP 503 from the feed","articlesPerDay":1.5,
                 "silentSince":"2026-01-30T08:00:00Z","someFutureField":true}"""));
        follower.apply("b", bytes("""
                {"id":"b","url":"https://b.example/rss","source":"B","status":"silent","articlesPerDay":0.0}"""));

        assertThat(follower.feeds()).extracting(FeedHealthReport::url, FeedHealthReport::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("https://a.example/rss", "failing"),
                        org.assertj.core.groups.Tuple.tuple("https://b.example/rss", "silent"));
        FeedHealthReport a = follower.feeds().get(0);
        assertThat(a.lastSuccess()).isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
        assertThat(a.lastError()).isEqualTo("HTTP 503 from the feed");
        assertThat(a.silentSince()).isEqualTo(Instant.parse("2026-01-30T08:00:00Z"));

        follower.apply("a", null);

        assertThat(follower.feeds()).extracting(FeedHealthReport::id).containsExactly("b");
    }

    @Test
    void skipsUnreadableReports() {
        follower.apply("x", bytes("not json"));
        follower.apply("y", bytes("{\"id\":\"y\"}"));

        assertThat(follower.feeds()).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
