package io.akhbar.ingest.feed;

import io.akhbar.contracts.ArticleIds;
import io.akhbar.contracts.ArticleSubmitted;
import io.akhbar.ingest.submission.ArticleIntake;
import io.akhbar.ingest.submission.ArticleSubmission;
import io.akhbar.ingest.submission.PublishResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** One poll at a time against a local news site; Kafka is replaced by a recording intake. */
class FeedPollerTest {

    private static final Duration INTERVAL = Duration.ofMinutes(15);

    private final FeedServer server = new FeedServer();
    private final List<ArticleSubmitted> published = new ArrayList<>();
    private boolean kafkaAcknowledges = true;
    private final FeedPoller poller = poller();

    FeedPollerTest() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void rssEntriesBecomeArticlesWithFullTextFromTheFeedOrTheLinkedPageInAnyCharset() throws Exception {
        FeedState state = new FeedState();

        Duration next = poller.poll(feed(FeedServer.RSS), state);

        assertThat(next).isEqualTo(INTERVAL);
        Map<String, ArticleSubmitted> byTitle = published.stream()
                .collect(Collectors.toMap(ArticleSubmitted::title, Function.identity()));
        assertThat(byTitle).hasSize(3);
        ArticleSubmitted witkoff = byTitle.get("ويتكوف يلتقي بوتين في موسكو للمرة الثالثة");
        assertThat(witkoff.body()).startsWith("التقى المبعوث الأمريكي الخاص").contains("\n\nوقال ويتكوف");
        assertThat(witkoff.url()).isEqualTo(ArticleIds.canonicalUrl(server.url("/articles/witkoff-putin.html")).orElseThrow());
        assertThat(witkoff.source()).isEqualTo("أخبار المثال");
        assertThat(witkoff.language()).isEqualTo("ar");
        assertThat(witkoff.publishedAt()).isEqualTo(Instant.parse("2026-01-22T07:15:30Z"));
        assertThat(byTitle.get("أسعار النفط ترتفع مع تراجع المخزونات الأمريكية").body())
                .contains("وصعدت العقود الآجلة لخام برنت").doesNotContain("جميع الحقوق");
        assertThat(byTitle.get("افتتاح معرض الرياض الدولي للكتاب").body())
                .as("windows-1256 page").contains("بمشاركة أكثر من ألفي دار نشر من ثلاثين دولة");
        assertThat(server.requests("/articles/witkoff-putin.html")).as("full text was in the feed").isZero();
        assertThat(server.userAgents()).containsOnly("Akhbar-test");
        FeedHealth.View health = state.health.view(Instant.now(), Duration.ofDays(1));
        assertThat(health.articlesPublished()).isEqualTo(3);
        assertThat(health.lastArticleAt()).isEqualTo(Instant.parse("2026-01-22T07:15:30Z"));
        assertThat(health.silentSince()).as("the fixture's entries are from January").isNotNull();
    }

    @Test
    void aRepollSendsTheValidatorsGets304AndPublishesNothing() throws Exception {
        FeedState rss = new FeedState();
        FeedState atom = new FeedState();
        poller.poll(feed(FeedServer.RSS), rss);
        poller.poll(feed(FeedServer.ATOM), atom);
        int before = published.size();

        assertThat(poller.poll(feed(FeedServer.RSS), rss)).isEqualTo(INTERVAL);
        assertThat(poller.poll(feed(FeedServer.ATOM), atom)).isEqualTo(INTERVAL);

        assertThat(server.notModified(FeedServer.RSS)).isEqualTo(1);
        assertThat(server.notModified(FeedServer.ATOM)).isEqualTo(1);
        assertThat(published).hasSize(before);
        assertThat(rss.health.view(Instant.now(), Duration.ofDays(1)).status()).isNotEqualTo("failing");
    }

    @Test
    void atomEntryWhosePageIsMissingFallsBackToItsSummary() throws Exception {
        poller.poll(feed(FeedServer.ATOM), new FeedState());

        assertThat(published).extracting(ArticleSubmitted::title)
                .containsExactly("قمة دافوس تناقش الذكاء الاصطناعي", "كوشنر يصل إلى القاهرة");
        assertThat(published.get(1).body()).isEqualTo("وصل جاريد كوشنر إلى القاهرة في زيارة تستغرق يومين.");
        assertThat(published.get(0).url()).endsWith("/articles/davos-ai.html");
    }

    @Test
    void aBrokenFeedBacksOffAndShowsTheError() throws Exception {
        FeedState state = new FeedState();

        Duration next = poller.poll(feed(FeedServer.BROKEN), state);

        assertThat(next).isEqualTo(INTERVAL.multipliedBy(2));
        FeedHealth.View health = state.health.view(Instant.now(), Duration.ofDays(1));
        assertThat(health.status()).isEqualTo("failing");
        assertThat(health.lastError().message()).startsWith("not a readable RSS or Atom feed");
        assertThat(health.lastSuccessAt()).isNull();
        assertThat(poller.poll(feed(FeedServer.BROKEN), state)).isEqualTo(INTERVAL.multipliedBy(4));
    }

    @Test
    void a429HonoursRetryAfter() throws Exception {
        FeedState state = new FeedState();

        Duration next = poller.poll(feed(FeedServer.THROTTLED), state);

        assertThat(next).isEqualTo(Duration.ofSeconds(Long.parseLong(FeedServer.RETRY_AFTER_SECONDS)));
        assertThat(state.health.view(Instant.now(), Duration.ofDays(1)).lastError().httpStatus()).isEqualTo(429);
    }

    @Test
    void whenKafkaDoesNotAcknowledgeTheValidatorsAreDroppedSoTheNextPollSeesEverythingAgain() throws Exception {
        FeedState state = new FeedState();
        kafkaAcknowledges = false;

        assertThat(poller.poll(feed(FeedServer.RSS), state)).isEqualTo(INTERVAL.multipliedBy(2));
        assertThat(state.etag).isNull();

        kafkaAcknowledges = true;
        published.clear();
        poller.poll(feed(FeedServer.RSS), state);

        assertThat(server.notModified(FeedServer.RSS)).isZero();
        assertThat(published).hasSize(3);
        assertThat(state.etag).isEqualTo(FeedServer.RSS_ETAG);
    }

    private FeedSubscription feed(String path) {
        Instant now = Instant.now();
        return new FeedSubscription(1, "id-" + path, server.url(path), "أخبار المثال", INTERVAL.toString(), now, now);
    }

    private FeedPoller poller() {
        ArticleIntake intake = mock(ArticleIntake.class);
        when(intake.prepare(any())).thenAnswer(call -> event(call.getArgument(0)));
        when(intake.publishAll(any(), any())).thenAnswer(call -> {
            List<ArticleSubmitted> events = call.getArgument(0);
            if (kafkaAcknowledges) {
                published.addAll(events);
            }
            return events.stream().map(e -> new PublishResult(e.id(), kafkaAcknowledges ? null : "broker down")).toList();
        });
        FeedProperties properties = TestFeedProperties.local();
        HostThrottle noPauses = new HostThrottle(Duration.ZERO, Clock.systemUTC(), duration -> { });
        WebFetcher fetcher = new WebFetcher(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                noPauses, Duration.ofSeconds(10), properties.userAgent(), true);
        return new FeedPoller(fetcher, intake, properties, Duration.ofSeconds(10), new Backoff(Duration.ofHours(6), () -> 0),
                Clock.systemUTC());
    }

    private static ArticleSubmitted event(ArticleSubmission submission) {
        String url = ArticleIds.canonicalUrl(submission.url()).orElse(null);
        return new ArticleSubmitted(1, ArticleIds.forArticle(url, submission.body()), submission.title(),
                submission.body(), url, submission.source(), submission.language(),
                submission.publishedAt() == null ? null : Instant.parse(submission.publishedAt()), Instant.now());
    }
}
