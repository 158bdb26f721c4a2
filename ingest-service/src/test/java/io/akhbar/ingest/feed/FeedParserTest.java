package io.akhbar.ingest.feed;

import io.akhbar.ingest.feed.FeedParser.FeedParseException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedParserTest {

    private static final String BASE = "https://news.example";

    @Test
    void readsRss2WithArabicTitlesDatesFullContentAndSummaries() throws Exception {
        ParsedFeed feed = parse("rss-ar.xml", "application/rss+xml; charset=utf-8", BASE + "/feeds/rss.xml");

        assertThat(feed.title()).isEqualTo("أخبار المثال");
        assertThat(feed.language()).isEqualTo("ar");
        assertThat(feed.entries()).hasSize(3);
        FeedEntry first = feed.entries().get(0);
        assertThat(first.title()).isEqualTo("ويتكوف يلتقي بوتين في موسكو للمرة الثالثة");
        assertThat(first.link()).isEqualTo(BASE + "/articles/witkoff-putin.html?utm_source=rss");
        assertThat(first.guid()).isEqualTo("example-2026-0001");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-01-22T07:15:30Z"));
        assertThat(HtmlText.ofFragment(first.contentHtml()))
                .startsWith("التقى المبعوث الأمريكي الخاص ستيف ويتكوف")
                .contains("\n\nوقال ويتكوف للصحفيين");
        FeedEntry second = feed.entries().get(1);
        assertThat(second.contentHtml()).isNull();
        assertThat(HtmlText.ofFragment(second.summaryHtml())).isEqualTo("ارتفعت أسعار النفط للجلسة الثانية على التوالي.");
        assertThat(second.publishedAt()).isEqualTo(Instant.parse("2026-01-21T18:40:00Z"));
    }

    @Test
    void readsAtomResolvingRelativeLinksAndHtmlTitles() throws Exception {
        ParsedFeed feed = parse("atom-ar.xml", "application/atom+xml", BASE + "/feeds/atom.xml");

        assertThat(feed.title()).isEqualTo("صحيفة الأطلس");
        assertThat(feed.entries()).hasSize(2);
        FeedEntry davos = feed.entries().get(0);
        assertThat(davos.title()).isEqualTo("قمة دافوس تناقش الذكاء الاصطناعي");
        assertThat(davos.link()).isEqualTo(BASE + "/articles/davos-ai.html");
        assertThat(davos.publishedAt()).isEqualTo(Instant.parse("2026-01-23T06:30:00Z"));
        assertThat(HtmlText.ofFragment(davos.contentHtml())).contains("منتجع دافوس السويسري").contains("\n\n");
        FeedEntry kushner = feed.entries().get(1);
        assertThat(kushner.contentHtml()).isNull();
        assertThat(kushner.publishedAt()).as("updated when there is no published").isEqualTo(Instant.parse("2026-01-22T16:00:00Z"));
        assertThat(HtmlText.ofFragment(kushner.summaryHtml())).isEqualTo("وصل جاريد كوشنر إلى القاهرة في زيارة تستغرق يومين.");
    }

    @Test
    void decodesAFeedDeclaredAsWindows1256InItsProlog() throws Exception {
        Charset arabic = Charset.forName("windows-1256");
        String xml = Fixtures.text("rss-ar.xml", BASE).replace("encoding=\"UTF-8\"", "encoding=\"windows-1256\"");

        ParsedFeed feed = FeedParser.parse(xml.getBytes(arabic), "text/xml", URI.create(BASE + "/rss"));

        assertThat(feed.entries().get(2).title()).isEqualTo("افتتاح معرض الرياض الدولي للكتاب");
    }

    @Test
    void malformedXmlIsAParseError() {
        assertThatThrownBy(() -> parse("broken.xml", "application/rss+xml", BASE + "/broken.xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not a readable RSS or Atom feed");
    }

    @Test
    void htmlIsNotAFeed() {
        assertThatThrownBy(() -> parse("article-utf8.html", "text/html", BASE + "/page"))
                .isInstanceOf(FeedParseException.class);
    }

    @Test
    void doctypesAreRefusedSoExternalEntitiesAreNeverRead() {
        assertThatThrownBy(() -> parse("xxe.xml", "application/rss+xml", BASE + "/xxe.xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    private static ParsedFeed parse(String fixture, String contentType, String uri) throws FeedParseException {
        return FeedParser.parse(Fixtures.text(fixture, BASE).getBytes(StandardCharsets.UTF_8), contentType, URI.create(uri));
    }
}
