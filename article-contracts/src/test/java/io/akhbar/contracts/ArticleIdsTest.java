package io.akhbar.contracts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleIdsTest {

    private static final String BODY = "قال ستيف ويتكوف إنه سيسافر إلى موسكو.";

    @Test
    void sameUrlInAnotherSpellingGivesTheSameId() {
        String id = ArticleIds.forArticle("https://www.example.com/news/123", BODY);

        assertThat(ArticleIds.forArticle("http://example.com/news/123/", "another body")).isEqualTo(id);
        assertThat(ArticleIds.forArticle("HTTPS://Example.COM:443/news/123#comments", BODY)).isEqualTo(id);
        assertThat(ArticleIds.forArticle("https://example.com/news/123?utm_source=x&fbclid=y", BODY)).isEqualTo(id);
    }

    @Test
    void differentArticlesGetDifferentIds() {
        assertThat(ArticleIds.forArticle("https://example.com/news/123", BODY))
                .isNotEqualTo(ArticleIds.forArticle("https://example.com/news/124", BODY))
                .isNotEqualTo(ArticleIds.forArticle(null, BODY));
        assertThat(ArticleIds.forArticle("https://example.com/a?id=1", BODY))
                .isNotEqualTo(ArticleIds.forArticle("https://example.com/a?id=2", BODY));
    }

    @Test
    void queryParameterOrderDoesNotMatter() {
        assertThat(ArticleIds.canonicalUrl("https://example.com/a?b=2&a=1"))
                .contains("https://example.com/a?a=1&b=2")
                .isEqualTo(ArticleIds.canonicalUrl("https://example.com/a?a=1&utm_medium=rss&b=2"));
    }

    @Test
    void withoutUsableUrlTheNormalizedBodyDecides() {
        String id = ArticleIds.forArticle(null, BODY);

        assertThat(ArticleIds.forArticle("", BODY)).isEqualTo(id);
        assertThat(ArticleIds.forArticle("not a url", BODY)).isEqualTo(id);
        assertThat(ArticleIds.forArticle("ftp://example.com/x", BODY)).isEqualTo(id);
        // Hamza, tashkeel and spacing variants of one text are one article.
        assertThat(ArticleIds.forArticle(null, "  قالَ ستيف ويتكوف انه  سيسافر الى موسكو. ")).isEqualTo(id);
        assertThat(ArticleIds.forArticle(null, "قال ستيف ويتكوف إنه سيسافر إلى كييف.")).isNotEqualTo(id);
    }

    @Test
    void bodyIdIsTheHashOfItsNormalizedWordsAndStaysSoAcrossVersions() throws Exception {
        // Ids already in Kafka and Elasticsearch were made this way: a change here would make every text-only
        // article new again.
        String normalizedWords = "قال ستيف ويتكوف انه سيسافر الي موسكو.";
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(("text:" + normalizedWords).getBytes(StandardCharsets.UTF_8));

        assertThat(ArticleIds.forArticle(null, "  قالَ ستيف\tويتكوف إنه  سيسافر\n\nإلى موسكو. "))
                .isEqualTo(HexFormat.of().formatHex(digest, 0, 16));
    }

    @Test
    void idIsA128BitHexString() {
        assertThat(ArticleIds.forArticle(null, BODY)).matches("[0-9a-f]{32}");
    }

    @Test
    void blankBodyWithoutUrlHasNoId() {
        assertThatThrownBy(() -> ArticleIds.forArticle(null, "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("body");
    }
}
