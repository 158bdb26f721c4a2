package io.akhbar.arabic;

import static io.akhbar.arabic.ArabicNormalizer.normalize;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArabicStopWordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"إلى", "الى", "إلي", "في", "فى", "من", "على", "عن", "أن", "إن", "ان", "التي", "الذي",
        "هذه", "هذا", "ذلك", "كانت", "قد", "لم", "أيضاً", "أيضا", "وفي", "هؤلاء", "مع"})
    void matchesAfterNormalization(String word) {
        assertThat(ArabicStopWords.isStopWord(normalize(word))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"بوتين", "موسكو", "ترامب", "الرئيس", "اتفاق", "الحرب", "cnbc", ""})
    void contentWordsAreNotStopWords(String word) {
        assertThat(ArabicStopWords.isStopWord(normalize(word))).isFalse();
    }

    @Test
    void matchingIsOnNormalizedFormsOnly() {
        assertThat(ArabicStopWords.isStopWord("إلى")).isFalse();
        assertThat(ArabicStopWords.isStopWord("الي")).isTrue();
    }

    @Test
    void everyStoredWordIsNormalized() {
        assertThat(ArabicStopWords.words()).hasSizeGreaterThan(150);
        for (String w : ArabicStopWords.words()) {
            assertThat(normalize(w)).isEqualTo(w);
            assertThat(w).doesNotContain(" ");
        }
    }

    @Test
    void bufferLookup() {
        char[] buf = "xxالذيyy".toCharArray();
        assertThat(ArabicStopWords.isStopWord(buf, 2, 4)).isTrue();
        assertThat(ArabicStopWords.isStopWord(buf, 2, 3)).isFalse();
    }
}
