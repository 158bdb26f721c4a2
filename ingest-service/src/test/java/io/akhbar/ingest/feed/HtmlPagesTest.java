package io.akhbar.ingest.feed;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Charset detection: BOM, then the Content-Type header, then the page's meta declaration, then UTF-8. */
class HtmlPagesTest {

    private static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
    private static final String TEXT = "افتتاح معرض الرياض الدولي للكتاب";

    @Test
    void aWindows1256PageDeclaredOnlyInAMetaElementIsDecodedFromIt() {
        byte[] page = Fixtures.text("article-cp1256.html", "").getBytes(WINDOWS_1256);

        Document document = HtmlPages.parse(page, "text/html", "https://old.example/a");

        assertThat(document.charset()).isEqualTo(WINDOWS_1256);
        assertThat(document.title()).isEqualTo(TEXT);
    }

    @Test
    void metaCharsetShortFormIsRead() {
        byte[] page = ("<html><head><meta charset=\"windows-1256\"></head><body><p>" + TEXT + "</p></body></html>")
                .getBytes(WINDOWS_1256);

        assertThat(HtmlPages.parse(page, null, "https://old.example/a").body().text()).isEqualTo(TEXT);
    }

    @Test
    void theHeaderCharsetWinsOverTheMetaElement() {
        byte[] page = ("<html><head><meta charset=\"utf-8\"></head><body><p>" + TEXT + "</p></body></html>")
                .getBytes(WINDOWS_1256);

        Document document = HtmlPages.parse(page, "text/html; charset=\"Windows-1256\"", "https://old.example/a");

        assertThat(document.body().text()).isEqualTo(TEXT);
    }

    @Test
    void anUnknownHeaderCharsetIsIgnoredInFavourOfTheMetaElement() {
        byte[] page = ("<html><head><meta charset=\"windows-1256\"></head><body><p>" + TEXT + "</p></body></html>")
                .getBytes(WINDOWS_1256);

        assertThat(HtmlPages.parse(page, "text/html; charset=x-no-such-charset", "https://old.example/a").body().text())
                .isEqualTo(TEXT);
    }

    @Test
    void withoutAnyDeclarationTheDefaultIsUtf8() {
        byte[] page = ("<html><body><p>" + TEXT + "</p></body></html>").getBytes(StandardCharsets.UTF_8);

        assertThat(HtmlPages.parse(page, "text/html", "https://news.example/a").body().text()).isEqualTo(TEXT);
    }

    @Test
    void aByteOrderMarkOverridesAWrongHeader() {
        byte[] html = ("<html><body><p>" + TEXT + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        byte[] page = new byte[html.length + 3];
        page[0] = (byte) 0xEF;
        page[1] = (byte) 0xBB;
        page[2] = (byte) 0xBF;
        System.arraycopy(html, 0, page, 3, html.length);

        assertThat(HtmlPages.parse(page, "text/html; charset=windows-1256", "https://news.example/a").body().text())
                .isEqualTo(TEXT);
    }

    @Test
    void headerCharsetParsing() {
        assertThat(HtmlPages.charsetOf("text/html;charset=UTF-8")).contains(StandardCharsets.UTF_8);
        assertThat(HtmlPages.charsetOf("text/html; Charset='cp1256'")).contains(WINDOWS_1256);
        assertThat(HtmlPages.charsetOf("text/html")).isEmpty();
        assertThat(HtmlPages.charsetOf("text/html; charset=")).isEmpty();
        assertThat(HtmlPages.charsetOf(null)).isEmpty();
    }
}
