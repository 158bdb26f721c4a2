package io.akhbar.search.entities;

import io.akhbar.arabic.entity.EntityGazetteer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What search relies on from the shared gazetteer when it reads a query. */
class GazetteerQueriesTest {

    private final EntityCatalog catalog = new GazetteerEntityCatalog(EntityGazetteer.defaults());

    @Test
    void namesInAnyLanguageAndSpellingFindTheEntityWithAllItsSpellings() {
        assertThat(catalog.lookup("Putin")).hasValueSatisfying(e -> {
            assertThat(e.id()).isEqualTo("person:vladimir-putin");
            assertThat(e.spellings()).contains("بوتين");
        });
        assertThat(catalog.lookup("putin")).map(KnownEntity::id).hasValue("person:vladimir-putin");
        assertThat(catalog.lookup("ترمب")).map(KnownEntity::id).hasValue("person:donald-trump");
        assertThat(catalog.lookup("ترامب")).map(KnownEntity::id).hasValue("person:donald-trump");
        assertThat(catalog.lookup("Zaporizhzhia")).hasValueSatisfying(e ->
                assertThat(e.spellings()).contains("زابوريجيا", "زابوروجيا"));
        assertThat(catalog.lookup("لبوتين")).map(KnownEntity::id).hasValue("person:vladimir-putin");
        assertThat(catalog.byId("person:donald-trump")).isPresent();
    }

    @Test
    void commonWordsAreNotEntities() {
        for (String word : List.of("الرئيس", "خطة", "السلام", "الحرب", "اتفاق", "المحادثات", "الاجتماع", "مبعوث")) {
            assertThat(catalog.lookup(word)).as(word).isEmpty();
        }
    }

    @Test
    void demonymsResolveToTheirCountryWithEverySpelling() {
        assertThat(catalog.lookup("الأمريكي")).hasValueSatisfying(e ->
                assertThat(e.demonyms()).contains("أمريكي", "أميركي"));
    }

    @Test
    void completionWorksInArabicAndEnglish() {
        assertThat(catalog.complete("Pu", 10)).extracting(KnownEntity::id).contains("person:vladimir-putin");
        assertThat(catalog.complete("بوت", 10)).extracting(KnownEntity::id).contains("person:vladimir-putin");
    }
}
