package io.akhbar.ingest.feed;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleExtractorTest {

    @Test
    void keepsTheStoryParagraphsAndDropsNavigationRelatedLinksSharingFooterAndScripts() {
        String text = ArticleExtractor.extract(Jsoup.parse(Fixtures.text("article-utf8.html", ""))).orElseThrow();

        assertThat(text).startsWith("أسعار النفط ترتفع مع تراجع المخزونات الأمريكية\n\nارتفعت أسعار النفط للجلسة الثانية")
                .contains("\n\nوصعدت العقود الآجلة لخام برنت")
                .endsWith("رغم التوقعات بتباطؤ الطلب العالمي.")
                .doesNotContain("سياسة", "أخبار ذات صلة", "الذهب يتراجع", "شارك على", "جميع الحقوق", "tracking");
    }

    @Test
    void findsTheTextOfAnOldTableLayoutPage() {
        Charset arabic = Charset.forName("windows-1256");
        byte[] page = Fixtures.text("article-cp1256.html", "").getBytes(arabic);

        String text = ArticleExtractor.extract(HtmlPages.parse(page, "text/html", "https://old.example/a")).orElseThrow();

        assertThat(text).contains("بمشاركة أكثر من ألفي دار نشر", "ضيف شرف على دورة هذا العام")
                .doesNotContain("الرئيسية", "ترميز ويندوز");
    }

    @Test
    void prefersMarkedUpArticleBodies() {
        String html = "<body><div><p>" + "نص جانبي طويل لا علاقة له بالخبر الرئيسي المنشور هنا. ".repeat(5) + "</p></div>"
                + "<div itemprop=\"articleBody\"><p>" + "هذا هو نص الخبر الحقيقي الذي نريد استخراجه من الصفحة. ".repeat(3)
                + "</p></div></body>";

        assertThat(ArticleExtractor.extract(Jsoup.parse(html))).hasValueSatisfying(text ->
                assertThat(text).startsWith("هذا هو نص الخبر الحقيقي").doesNotContain("نص جانبي"));
    }

    @Test
    void aPageWithoutArticleTextYieldsNothing() {
        assertThat(ArticleExtractor.extract(Jsoup.parse("<body><nav>الرئيسية</nav><p>قريبا</p></body>"))).isEmpty();
    }

    @Test
    void htmlTextKeepsParagraphsAndLineBreaks() {
        assertThat(HtmlText.ofFragment("<p>الأول  و\n الثاني</p><p>الثالث<br>الرابع</p>"))
                .isEqualTo("الأول و الثاني\n\nالثالث\n\nالرابع");
        assertThat(HtmlText.inline("قمة &amp; <em>دافوس</em>")).isEqualTo("قمة & دافوس");
        assertThat(HtmlText.ofFragment(null)).isEmpty();
    }
}
