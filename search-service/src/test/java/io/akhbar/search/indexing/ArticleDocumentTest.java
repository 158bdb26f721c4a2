package io.akhbar.search.indexing;

import io.akhbar.contracts.ArticleEnriched;
import io.akhbar.contracts.ArticleEnriched.Entity;
import io.akhbar.contracts.ArticleEnriched.EntityType;
import io.akhbar.contracts.ArticleEnriched.Mention;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleDocumentTest {

    private static final Instant SUBMITTED = Instant.parse("2026-01-22T10:16:00Z");

    @Test
    void derivedFieldsComeFromTheArticle() {
        ArticleDocument document = ArticleDocument.of(article(null, List.of(
                new Entity("location:moscow", EntityType.LOCATION, "موسكو", "Moscow", List.of(), 1, 0.2),
                new Entity("person:donald-trump", EntityType.PERSON, "دونالد ترامب", "Donald Trump",
                        List.of(new Mention("body", 0, 4, "ترمب"), new Mention("body", 10, 16, "وترامب")), 2, 0.8))),
                SUBMITTED, 2, 41L);

        assertThat(document.kafkaPartition()).isEqualTo(2);
        assertThat(document.kafkaOffset()).isEqualTo(41L);
        assertThat(document.date()).isEqualTo(SUBMITTED);
        assertThat(document.fingerprintBands()).containsExactly("0:0123", "1:4567", "2:89ab", "3:cdef");
        assertThat(document.entityIds()).containsExactly("person:donald-trump", "location:moscow");
        assertThat(document.entities().get(0).names()).containsExactly("دونالد ترامب", "donald trump", "ترمب", "وترامب");
        assertThat(document.storyId()).isNull();
    }

    @Test
    void anEntityHasEachNormalizedSpellingOnceInFirstSeenOrderAndAtMostSixteen() {
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            mentions.add(new Mention("body", i * 10, i * 10 + 4, i % 2 == 0 ? "ترمب" : "ترمبْ"));
        }
        for (int i = 0; i < 20; i++) {
            mentions.add(new Mention("body", 500 + i * 10, 504 + i * 10, "Trump" + i));
        }
        ArticleDocument document = ArticleDocument.of(article(null, List.of(
                new Entity("person:donald-trump", EntityType.PERSON, "دونالد ترامب", "TRUMP", mentions, 60, 0.8))),
                SUBMITTED, 0, 0L);

        List<String> names = document.entities().get(0).names();
        assertThat(names).hasSize(16).doesNotHaveDuplicates()
                .startsWith("دونالد ترامب", "trump", "ترمب", "trump0", "trump1")
                .endsWith("trump12");
    }

    @Test
    void aDocumentFromAnOlderIndexVersionGetsTheNewFieldsAndKeepsItsStory() {
        Instant published = Instant.parse("2026-01-20T08:00:00Z");
        ArticleDocument old = new ArticleDocument("a1", "عنوان", "نص", null, null, "مثال", "ar", 0.9, published,
                SUBMITTED, SUBMITTED, SUBMITTED, null, null, null, 2, "ff", null, "story-1", null, null,
                List.of(new EntityDocument("person:x", "PERSON", "س", null, null, 1, 0.5, null)), null, null);

        ArticleDocument upgraded = old.upgraded();

        assertThat(upgraded.date()).isEqualTo(published);
        assertThat(upgraded.fingerprintBands()).hasSize(4);
        assertThat(upgraded.entityIds()).containsExactly("person:x");
        assertThat(upgraded.entities().get(0).names()).containsExactly("س");
        assertThat(upgraded.storyId()).isEqualTo("story-1");
    }

    private static ArticleEnriched article(Instant publishedAt, List<Entity> entities) {
        return new ArticleEnriched(1, "a1", "عنوان", "نص", null, "مثال", publishedAt, SUBMITTED, SUBMITTED,
                new ArticleEnriched.DetectedLanguage("ar", 0.99), 2, entities, null, null, null, "0123456789abcdef",
                "nlp-1", 10L);
    }
}
