package io.akhbar.arabic;

import static io.akhbar.arabic.ArabicNormalizer.normalize;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LightStemmerTest {

    private static final LightStemmer STEMMER = new LightStemmer();

    private static String stem(String word) {
        return STEMMER.stem(normalize(word));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ويتكوف, ويتكوف", "بوتين, بوتين", "وبوتين, بوتين", "لبوتين, بوتين", "وويتكوف, ويتكوف",
        "ترامب, ترامب", "ترمب, ترمب", "وترامب, ترامب", "دميترييف, دميترييف", "كوشنر, كوشنر",
        "وكوشنر, كوشنر", "بيسكوف, بيسكوف", "زيلينسكي, زيلينسكي", "روبيو, روبيو", "موسكو, موسكو",
        "بموسكو, موسكو", "أوكرانيا, اوكرانيا", "وأوكرانيا, اوكرانيا", "الكرملين, كرملين",
        "للكرملين, كرملين", "الناتو, ناتو", "والناتو, ناتو", "إيران, ايران", "لبنان, لبنان",
        "ماكرون, ماكرون", "القاهرة, القاهره", "بالقاهرة, القاهره",
    })
    void protectedNamesKeepTheirShapeButLoseTheirClitics(String word, String expected) {
        assertThat(stem(word)).isEqualTo(expected);
    }

    @Test
    void withoutProtectionNamesWouldBeDestroyed() {
        LightStemmer bare = new LightStemmer(ProtectedWords.of(List.of()));
        assertThat(bare.stem("بوتين")).isEqualTo("بوت");
        assertThat(bare.stem("ويتكوف")).isEqualTo("يتكوف");
    }

    @Test
    void extraProtectedWordsAreNormalizedAndAddedToTheDefaults() {
        assertThat(STEMMER.stem("كريستين")).isEqualTo("كريست");
        LightStemmer custom = new LightStemmer(List.of("كريستين", "  جونسون "));
        assertThat(custom.stem("كريستين")).isEqualTo("كريستين");
        assertThat(custom.stem(normalize("وجونسون"))).isEqualTo("جونسون");
        assertThat(custom.stem("بوتين")).as("defaults kept").isEqualTo("بوتين");
        assertThat(STEMMER.protectedWords().words()).contains("بوتين", "ويتكوف", "اوكرانيا").hasSizeGreaterThan(100);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "المفاوضات, مفاوض", "المحادثات, محادث", "الاقتصادية, اقتصاد", "الاقتصادي, اقتصاد",
        "والاقتصادية, اقتصاد", "اقتصادية, اقتصاد", "العقوبات, عقوب", "بالعقوبات, عقوب",
        "للرئيس, رييس", "الرئيس, رييس", "رئيس, رييس", "المبعوث, مبعوث", "المبعوثين, مبعوث",
        "مسؤولين, مسوول", "المسؤولين, مسوول", "الحرب, حرب", "فالحرب, حرب", "كتابها, كتاب",
        "المتحدة, متحد", "وتابع, تابع", "وقال, قال", "السلام, سلام",
    })
    void stemsOrdinaryWordsLikeLight10(String word, String expected) {
        assertThat(stem(word)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"في", "من", "قال", "ولد", "بها", "له", "الي", "ب", "''"})
    void wordsOfUpToThreeLettersAreLeftAlone(String word) {
        assertThat(stem(word)).isEqualTo(normalize(word));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"وزير, وزير", "وعود, وعود", "وزارة, وزار", "وقف, وقف", "وكالة, وكال", "وثيقة, وثيق", "ووزير, وزير"})
    void keepsAWawThatBelongsToTheRoot(String word, String expected) {
        assertThat(stem(word)).isEqualTo(expected);
    }

    @Test
    void removalsLeaveAtLeastThreeLetters() {
        assertThat(stem("الذين")).isEqualTo("ذين");
        assertThat(stem("سنوات")).isEqualTo("سنو");
        assertThat(stem("بنات")).isEqualTo("بنات");
        assertThat(stem("الاب")).isEqualTo("الاب");
    }

    @Test
    void leavesLatinAndNumbersAlone() {
        assertThat(STEMMER.stem("cnbc")).isEqualTo("cnbc");
        assertThat(STEMMER.stem("2024")).isEqualTo("2024");
        assertThat(STEMMER.stem("stations")).isEqualTo("stations");
    }

    @Test
    void returnsTheSameInstanceWhenNothingIsRemoved() {
        String word = "موسكو";
        assertThat(STEMMER.stem(word)).isSameAs(word);
    }

    @Test
    void garbageNeverThrows() {
        Random random = new Random(11);
        String pool = "والبكفلينهات\uD800\u0000";
        for (int round = 0; round < 5000; round++) {
            char[] chars = new char[random.nextInt(12)];
            for (int k = 0; k < chars.length; k++) {
                chars[k] = random.nextBoolean() ? pool.charAt(random.nextInt(pool.length())) : (char) random.nextInt(0x10000);
            }
            String word = new String(chars);
            String stem = STEMMER.stem(word);
            assertThat(word).contains(stem);
            assertThat(Clitics.candidates(word).get(0)).isEqualTo(word);
            assertThat(Clitics.encliticCandidates(word).get(0)).isEqualTo(word);
        }
    }

    @Test
    void inPlaceMatchesTheStringVersion() {
        for (String sample : Samples.all()) {
            for (Token t : ArabicTokenizer.tokenize(sample)) {
                char[] buf = (t.normalized() + "xyz").toCharArray();
                int len = STEMMER.stem(buf, t.normalized().length());
                assertThat(new String(buf, 0, len)).isEqualTo(STEMMER.stem(t.normalized()));
            }
        }
    }
}
