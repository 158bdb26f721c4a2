package io.akhbar.ingest.submission;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TitleDerivationTest {

    @Test
    void firstSentenceEndsAtArabicOrLatinPunctuationOrLineBreak() {
        assertThat(TitleDerivation.firstSentence("قال ويتكوف إنه سيسافر. ثم أضاف", 160)).isEqualTo("قال ويتكوف إنه سيسافر");
        assertThat(TitleDerivation.firstSentence("هل يلتقي بوتين؟ نعم", 160)).isEqualTo("هل يلتقي بوتين");
        assertThat(TitleDerivation.firstSentence("  عنوان\nالنص", 160)).isEqualTo("عنوان");
    }

    @Test
    void longSentencesAreCutAtAWordBoundary() {
        String title = TitleDerivation.firstSentence("كلمة ".repeat(50), 22);

        assertThat(title).isEqualTo("كلمة كلمة كلمة كلمة…");
    }
}
