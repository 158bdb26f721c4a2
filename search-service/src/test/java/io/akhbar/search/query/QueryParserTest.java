package io.akhbar.search.query;

import io.akhbar.search.entities.EntityCatalog;
import io.akhbar.search.entities.KnownEntity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParserTest {

    static final KnownEntity PUTIN = new KnownEntity("person:vladimir-putin", "PERSON", "فلاديمير بوتين",
            "Vladimir Putin", List.of("بوتين", "Putin"), List.of());
    static final KnownEntity TRUMP = new KnownEntity("person:donald-trump", "PERSON", "دونالد ترامب", "Donald Trump",
            List.of("ترامب", "ترمب", "دونالد ترمب", "Trump"), List.of());
    static final KnownEntity US = new KnownEntity("location:us", "LOCATION", "الولايات المتحدة", "United States",
            List.of("أمريكا", "أميركا"), List.of("أمريكي", "أميركي"));

    /** Looks names up the way the gazetteer does: normalized, any listed spelling. */
    static final EntityCatalog CATALOG = new EntityCatalog() {
        @Override
        public Optional<KnownEntity> lookup(String spelling) {
            String key = QueryParser.normalize(spelling);
            return List.of(PUTIN, TRUMP, US).stream()
                    .filter(e -> e.spellings().stream().anyMatch(s -> QueryParser.normalize(s).equals(key))
                            || e.demonyms().stream().map(QueryParser::normalize).anyMatch(d -> List.of(d, "ال" + d,
                                    d + "ه", "ال" + d + "ه").contains(key)))
                    .findFirst();
        }

        @Override
        public Optional<KnownEntity> byId(String id) {
            return List.of(PUTIN, TRUMP, US).stream().filter(e -> e.id().equals(id)).findFirst();
        }

        @Override
        public List<KnownEntity> complete(String prefix, int limit) {
            return List.of();
        }
    };

    static final QueryProperties PROPERTIES = new QueryProperties(60, 8, 10, 100, 160, 3, 10, Duration.ofMinutes(5));

    private final QueryParser parser = new QueryParser(PROPERTIES, CATALOG, new SpellingVariants(
            new ByteArrayInputStream("# test\nبريطانيا برطانيا\n".getBytes(StandardCharsets.UTF_8))));

    /** A word as parsed: no variants, and the glued forms the parser adds to every Arabic word. */
    private static Clause.Word word(String text, String normalized, boolean stopWord) {
        return new Clause.Word(text, normalized, stopWord, List.of(),
                stopWord ? List.of() : QueryParser.glued(text, List.of("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")));
    }

    @Test
    void wordsAreNormalizedAndStopWordsMarked() {
        ParsedQuery query = parser.parse("  الرئيسُ في موسكو ");

        assertThat(query.text()).isEqualTo("الرئيسُ في موسكو");
        // A trailing diacritic is not part of the word to search for.
        assertThat(query.required()).containsExactly(
                word("الرئيس", "الرييس", false),
                word("في", "في", true),
                word("موسكو", "موسكو", false));
        assertThat(query.excluded()).isEmpty();
    }

    @Test
    void phrasesOrAndExclusionsWithCurlyQuotesAndArabicPunctuation() {
        ParsedQuery query = parser.parse("“خطة السلام”، أوكرانيا OR روسيا؟ -«وقف إطلاق النار» -الحرب");

        assertThat(query.required()).hasSize(2);
        Clause.Phrase plan = (Clause.Phrase) query.required().get(0);
        assertThat(plan.text()).isEqualTo("خطة السلام");
        assertThat(plan.normalized()).isEqualTo("خطه السلام");
        assertThat(query.required().get(1)).isEqualTo(new Clause.AnyOf(List.of(
                word("أوكرانيا", "اوكرانيا", false), word("روسيا", "روسيا", false))));
        assertThat(query.excluded()).hasSize(2);
        assertThat(((Clause.Phrase) query.excluded().get(0)).text()).isEqualTo("وقف إطلاق النار");
        assertThat(query.excluded().get(1)).isEqualTo(word("الحرب", "الحرب", false));
    }

    @Test
    void namesBecomeEntitiesWithEverySpellingAndTheLongestNameWins() {
        ParsedQuery query = parser.parse("Donald Trump لبوتين");

        assertThat(query.required()).hasSize(2);
        Clause.Entity trump = (Clause.Entity) query.required().get(0);
        assertThat(trump.text()).isEqualTo("Donald Trump");
        assertThat(trump.entity().id()).isEqualTo("person:donald-trump");
        // ترمب and ترامب are different words to the analyzer; أ/ا variants of one spelling are listed once.
        assertThat(trump.spellings()).contains("ترامب", "ترمب", "Trump");
        Clause.Entity putin = (Clause.Entity) query.required().get(1);
        assertThat(putin.text()).isEqualTo("لبوتين");
        assertThat(putin.entity().id()).isEqualTo("person:vladimir-putin");
    }

    @Test
    void arabicWordsAreAlsoSearchedWithGluedPrepositionsUnlessTheyHaveTheArticle() {
        Clause.Word truce = (Clause.Word) parser.parse("وقف").required().get(0);

        assertThat(truce.gluedForms()).contains("لوقف", "بوقف", "ووقف", "وبوقف");
        assertThat(((Clause.Word) parser.parse("الحرب").required().get(0)).gluedForms()).isEmpty();
        assertThat(((Clause.Word) parser.parse("war").required().get(0)).gluedForms()).isEmpty();
        assertThat(((Clause.Phrase) parser.parse("\"وقف إطلاق النار\"").required().get(0)).variants())
                .contains("لوقف إطلاق النار", "بوقف إطلاق النار");
    }

    @Test
    void demonymsStayWordsAndGetTheOtherSpellings() {
        Clause.Word american = (Clause.Word) parser.parse("الأمريكي").required().get(0);

        assertThat(american.variants()).containsExactly("أميركي");
        assertThat(parser.parse("\"الأمريكي\"").required().get(0)).isInstanceOf(Clause.Phrase.class);
        assertThat(((Clause.Word) parser.parse("برطانيا").required().get(0)).variants()).containsExactly("بريطانيا");
    }

    @Test
    void phrasesAreAlsoSearchedWithTheOtherSpellingsOfTheirWords() {
        Clause.Phrase phrase = (Clause.Phrase) parser.parse("\"الرئيس الأمريكي ترمب\"").required().get(0);

        assertThat(phrase.variants()).contains("الرئيس أميركي ترمب", "الرئيس الأمريكي ترامب", "الرئيس أميركي Trump");
        assertThat(phrase.variants()).doesNotContain("الرئيس الأمريكي ترمب");
    }

    @Test
    void orNextToAnExclusionOrAtTheEndsJoinsNothing() {
        ParsedQuery query = parser.parse("OR غزة OR -لبنان OR");

        assertThat(query.required()).containsExactly(word("غزة", "غزه", false));
        assertThat(query.excluded()).containsExactly(word("لبنان", "لبنان", false));
        // Lower-case "or" is a word.
        assertThat(parser.parse("war or peace").required()).hasSize(3);
    }

    @Test
    void noTextMeansEverythingAndUnusableTextIsRefused() {
        assertThat(parser.parse(null)).isEqualTo(ParsedQuery.EVERYTHING);
        assertThat(parser.parse("   ")).isEqualTo(ParsedQuery.EVERYTHING);
        assertThatThrownBy(() -> parser.parse("ـــ ،، \"\" - OR")).hasMessage("q: must contain a word");
        assertThatThrownBy(() -> parser.parse("a".repeat(61))).hasMessage("q: must be at most 60 characters");
        assertThatThrownBy(() -> parser.parse("a b c d e f g h i"))
                .hasMessage("q: must have at most 8 words and phrases");
    }

    @Test
    void querySyntaxIsOnlyEverText() {
        ParsedQuery query = parser.parse("title:x AND (y* OR z~2) {\"match_all\":{}}");

        assertThat(query.required()).extracting(c -> c.getClass().getSimpleName())
                .containsOnly("Word", "Phrase", "AnyOf");
        assertThat(query.required().get(0)).isEqualTo(word("title:x", "title:x", false));
    }
}
