package io.akhbar.arabic.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import io.akhbar.arabic.Samples;
import io.akhbar.arabic.TokenizedText;
import io.akhbar.arabic.entity.EntityExtractor;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyphraseExtractorTest {

    private static final EntityExtractor ENTITIES = new EntityExtractor();
    private static final KeyphraseExtractor KEYPHRASES = new KeyphraseExtractor();

    private static List<KeyPhrase> keyphrases(String title, String body) {
        TokenizedText t = TokenizedText.of(title);
        TokenizedText b = TokenizedText.of(body);
        return KEYPHRASES.extract(t, b, ENTITIES.extract(t, b), KeyphraseExtractor.DEFAULT_LIMIT);
    }

    @Test
    void surfacesTheCeasefireAndTheSanctionsAsWritten() {
        List<KeyPhrase> found = keyphrases("", Samples.read("witkoff-putin-third-meeting.ar.txt"));
        System.out.println("keyphrases, putin sample: " + found);
        assertThat(found.get(0)).isEqualTo(new KeyPhrase("وقف إطلاق النار", 1.0));
        assertThat(found).extracting(KeyPhrase::text).contains("العقوبات", "إطلاق سراح")
                .doesNotContain("إطلاق", "وقف", "ترامب", "روسيا", "الخميس");
        assertThat(found).extracting(KeyPhrase::score).isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
    }

    @Test
    void surfacesTheTopicsOfTheDavosSample() {
        List<KeyPhrase> found = keyphrases("", Samples.read("witkoff-kushner-moscow-davos.ar.txt"));
        System.out.println("keyphrases, davos sample: " + found);
        assertThat(found).extracting(KeyPhrase::text).contains("إنهاء الحرب", "المحادثات", "السلام")
                .doesNotContain("ويتكوف", "دافوس", "الأسبوع");
    }

    @Test
    void titleWordsCountOnceAndGluedPrepositionsAreLeftOut() {
        List<KeyPhrase> found = keyphrases("العقوبات الأوروبية الجديدة",
                "بحث الوزراء العقوبات. واتفقوا على تشديد العقوبات بعد خطة السلام، ولوقف إطلاق النار شروط، وبوقف إطلاق النار أمل.");
        assertThat(found).extracting(KeyPhrase::text).contains("العقوبات", "وقف إطلاق النار");
    }

    @Test
    void textsWithoutRepeatedContentHaveFewOrNoKeyphrases() {
        assertThat(KEYPHRASES.extract("", 10)).isEmpty();
        assertThat(KEYPHRASES.extract("!!! 123 ؟؟؟", 10)).isEmpty();
        assertThat(KEYPHRASES.extract("قال إنه سيأتي غدا.", 10)).isEmpty();
    }

    @Test
    void englishTextGetsEnglishKeyphrases() {
        assertThat(KEYPHRASES.extract("The ceasefire talks resumed. The ceasefire talks stalled. Sanctions remain.", 5))
                .extracting(KeyPhrase::text).containsExactly("ceasefire talks");
    }
}
