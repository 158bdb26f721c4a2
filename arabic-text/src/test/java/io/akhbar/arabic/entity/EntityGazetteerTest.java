package io.akhbar.arabic.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityGazetteerTest {

    private static final EntityGazetteer GAZETTEER = EntityGazetteer.defaults();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ترمب, person:donald-trump", "ترامب, person:donald-trump", "Trump, person:donald-trump",
        "TRUMP, person:donald-trump", "donald trump, person:donald-trump", "Putin, person:vladimir-putin",
        "وبوتين, person:vladimir-putin", "لبوتين, person:vladimir-putin", "بيسكوف, person:dmitry-peskov",
        "بسكوف, person:dmitry-peskov", "ديمترييف, person:kirill-dmitriev", "دميترييف, person:kirill-dmitriev",
        "ديمتريييف, person:kirill-dmitriev", "للكرملين, organization:kremlin", "الكرملين, organization:kremlin",
        "والناتو, organization:nato", "NATO, organization:nato", "حلف شمال الأطلسي, organization:nato",
        "بموسكو, location:moscow", "Moscow, location:moscow", "زابوريجيا, location:zaporizhzhia",
        "زابوروجيا, location:zaporizhzhia", "زابوروزي, location:zaporizhzhia", "الأمريكي, location:us",
        "الأميركية, location:us", "الروس, location:ru", "روسيا, location:ru", "Russia, location:ru",
        "location:ru, location:ru", "شبه جزيرة القرم, location:crimea", "القرم, location:crimea",
        "مصر, location:eg", "طوكيو, location:tokyo", "إسطنبول, location:istanbul", "اسطنبول, location:istanbul",
        "مالي, location:ml",
    })
    void looksUpAnySpelling(String spelling, String id) {
        assertThat(GAZETTEER.lookup(spelling)).get().extracting(EntityEntry::id).isEqualTo(id);
    }

    @Test
    void unknownOrBlankSpellingsFindNothing() {
        assertThat(GAZETTEER.lookup("سيارة")).isEmpty();
        assertThat(GAZETTEER.lookup("")).isEmpty();
        assertThat(GAZETTEER.lookup(null)).isEmpty();
        assertThat(GAZETTEER.lookup("؟؟؟")).isEmpty();
    }

    @Test
    void entriesCarryCanonicalNamesAliasesAndDemonyms() {
        EntityEntry trump = GAZETTEER.byId("person:donald-trump").orElseThrow();
        assertThat(trump.type()).isEqualTo(EntityType.PERSON);
        assertThat(trump.nameAr()).isEqualTo("دونالد ترامب");
        assertThat(trump.nameEn()).isEqualTo("Donald Trump");
        assertThat(trump.aliases()).contains("ترمب", "ترامب", "Trump");

        EntityEntry russia = GAZETTEER.byId("location:ru").orElseThrow();
        assertThat(russia.nameAr()).isEqualTo("روسيا");
        assertThat(russia.demonyms()).contains("روسي", "روس");
    }

    @Test
    void countriesAndCitiesComeFromCldrAndCuratedEntriesAddToThem() {
        assertThat(GAZETTEER.byId("location:ch")).get().satisfies(ch -> {
            assertThat(ch.nameAr()).isEqualTo("سويسرا");
            assertThat(ch.nameEn()).isEqualTo("Switzerland");
            assertThat(ch.demonyms()).containsExactly("سويسري");
        });
        assertThat(GAZETTEER.byId("location:moscow")).get().extracting(EntityEntry::nameAr).isEqualTo("موسكو");
        assertThat(GAZETTEER.byId("location:kyiv")).get().extracting(EntityEntry::nameEn).isEqualTo("Kyiv");
        assertThat(GAZETTEER.size()).isGreaterThan(600);
    }

    @Test
    void completesArabicAndEnglishPrefixes() {
        assertThat(GAZETTEER.complete("بوت", 5)).extracting(EntityEntry::id).first().isEqualTo("person:vladimir-putin");
        assertThat(GAZETTEER.complete("ترم", 5)).extracting(EntityEntry::id).contains("person:donald-trump");
        assertThat(GAZETTEER.complete("put", 5)).extracting(EntityEntry::id).first().isEqualTo("person:vladimir-putin");
        assertThat(GAZETTEER.complete("PUT", 5)).extracting(EntityEntry::id).first().isEqualTo("person:vladimir-putin");
        assertThat(GAZETTEER.complete("أوكر", 5)).extracting(EntityEntry::id).first().isEqualTo("location:ua");
        assertThat(GAZETTEER.complete("vladimir p", 5)).extracting(EntityEntry::id).containsExactly("person:vladimir-putin");
        assertThat(GAZETTEER.complete("م", 7)).hasSize(7).doesNotHaveDuplicates();
        assertThat(GAZETTEER.complete("", 5)).isEmpty();
        assertThat(GAZETTEER.complete("بوت", 0)).isEmpty();
    }

    @Test
    void aCompleteNameRanksBeforeLongerOnes() {
        List<EntityEntry> found = GAZETTEER.complete("روسيا", 3);
        assertThat(found.get(0).id()).isEqualTo("location:ru");
    }

    @Test
    void idsAreStableLowercaseAndUnique() {
        Map<String, Integer> seen = new HashMap<>();
        for (EntityEntry e : GAZETTEER.entries()) {
            assertThat(e.id()).matches("(person|location|organization):[a-z0-9-]+")
                    .startsWith(e.type().name().toLowerCase());
            seen.merge(e.id(), 1, Integer::sum);
        }
        assertThat(seen.values()).containsOnly(1);
    }

    @Test
    void curatedSpellingsNeverCollide() {
        PhraseTrie trie = GAZETTEER.names();
        for (EntityEntry e : GAZETTEER.entries()) {
            for (String alias : e.aliases()) {
                PhraseTrie.Node node = trie.root();
                for (String token : NameForms.tokens(alias)) {
                    node = node == null ? null : node.child(token);
                }
                if (node != null) {
                    assertThat(node.entry).as("%s of %s is claimed by two entries", alias, e.id())
                            .isNotEqualTo(PhraseTrie.AMBIGUOUS);
                }
            }
        }
    }

    @Test
    void aCustomGazetteerHasExactlyItsEntries() {
        EntityGazetteer custom = EntityGazetteer.of(List.of(
                new EntityEntry("person:x", EntityType.PERSON, "سين صاد", "X Y", List.of("صاد"))));
        assertThat(custom.lookup("صاد")).get().extracting(EntityEntry::id).isEqualTo("person:x");
        assertThat(custom.lookup("بوتين")).isEmpty();
        assertThat(new EntityExtractor(custom).extract("قال صاد إن...")).extracting(ExtractedEntity::id).containsExactly("person:x");
    }
}
