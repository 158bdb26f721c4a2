package io.akhbar.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.akhbar.localstack.BenchSupport;
import org.junit.jupiter.api.Test;

class ArticleGeneratorTest {

    private static final List<String> SAMPLES = List.of(
            "قال ستيف ويتكوف إنه سيسافر إلى موسكو للاجتماع مع الرئيس الروسي فلاديمير بوتين. "
                    + "وأضاف أن المحادثات ستتناول الحرب في أوكرانيا والعقوبات الاقتصادية.\n"
                    + "وكان المبعوث الأمريكي قد التقى بوتين مرتين في الكرملين خلال الأشهر الماضية.",
            "شارك جاريد كوشنر في منتدى دافوس الاقتصادي حيث تحدث عن الاستثمار في المنطقة. "
                    + "وقالت مصادر مطلعة إن الاجتماع المقبل سيعقد في إسطنبول بحضور وفود من عدة دول.");

    @Test
    void theSameSeedAndNumberGiveTheSameArticle() {
        ArticleGenerator one = new ArticleGenerator(SAMPLES, 7, 3_000);
        ArticleGenerator other = new ArticleGenerator(SAMPLES, 7, 3_000);

        assertThat(one.article(12_345)).isEqualTo(other.article(12_345));
        assertThat(one.article(12_345).ingestJson()).isEqualTo(other.article(12_345).ingestJson());
        assertThat(one.queries(16)).isEqualTo(other.queries(16));
    }

    @Test
    void everyArticleHasItsOwnUrlAndText() {
        ArticleGenerator generator = new ArticleGenerator(SAMPLES, 7, 3_000);
        Set<String> urls = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        for (long number = 0; number < 200; number++) {
            SyntheticArticle article = generator.article(number);
            urls.add(article.url());
            bodies.add(article.body());
        }

        assertThat(urls).hasSize(200);
        assertThat(bodies).hasSize(200);
        assertThat(new ArticleGenerator(SAMPLES, 8, 3_000).article(0).body())
                .isNotEqualTo(generator.article(0).body());
    }

    @Test
    void bodiesAreAboutTheRequestedSizeInUtf8() {
        ArticleGenerator generator = new ArticleGenerator(SAMPLES, 7, 3_000);
        long total = 0;
        for (long number = 0; number < 100; number++) {
            int bytes = ArticleGenerator.utf8Length(generator.article(number).body());
            assertThat(bytes).isBetween(2_000, 4_800);
            total += bytes;
        }
        assertThat(total / 100).isBetween(2_700L, 3_600L);
    }

    @Test
    void ingestJsonIsAnArticleSubmission() {
        SyntheticArticle article = new ArticleGenerator(SAMPLES, 7, 3_000).article(3);

        Map<String, Object> json = BenchSupport.parseJsonObject(article.ingestJson());

        assertThat(json).containsOnlyKeys("title", "body", "url", "source", "publishedAt");
        assertThat(json.get("body")).isEqualTo(article.body());
        assertThat(Instant.parse((String) json.get("publishedAt"))).isBefore(ArticleGenerator.LATEST);
        assertThat((String) json.get("title")).matches("[\\p{IsArabic} ]+");
    }

    @Test
    void documentsCarryTheFieldsOfTheIndexedArticle() {
        SyntheticArticle article = new ArticleGenerator(SAMPLES, 7, 3_000).article(3);
        Instant now = Instant.parse("2026-02-01T00:00:00Z");

        Map<String, Object> document = article.document("bench-3", now, now);

        assertThat(document).containsEntry("id", "bench-3").containsEntry("storyId", "bench-3")
                .containsEntry("language", "ar").containsEntry("date", article.publishedAt().toString())
                .containsKeys("title", "body", "summary", "entities", "entityIds", "wordCount", "fingerprint");
        assertThat((String) document.get("fingerprint")).matches("[0-9a-f]{16}");
        assertThat((Integer) document.get("wordCount")).isGreaterThan(100);
    }

    @Test
    void fingerprintBandsAreTheServicesFormat() {
        assertThat(SyntheticArticle.fingerprintBands(0x0123_4567_89ab_cdefL))
                .containsExactly("0:0123", "1:4567", "2:89ab", "3:cdef");
    }

    @Test
    void queriesMixFrequentWordsPseudoWordsAndPairs() {
        ArticleGenerator generator = new ArticleGenerator(SAMPLES, 7, 3_000);

        List<String> queries = generator.queries(16);

        assertThat(queries).hasSize(16).doesNotHaveDuplicates();
        assertThat(queries).anyMatch(query -> query.contains(" "));
        assertThat(queries).anyMatch(query -> generator.vocabulary().contains(query));
        assertThat(queries).anyMatch(query -> !query.contains(" ") && !generator.vocabulary().contains(query));
    }
}
