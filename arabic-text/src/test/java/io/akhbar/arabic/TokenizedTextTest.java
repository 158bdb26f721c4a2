package io.akhbar.arabic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** TokenizedText, ArabicTokenizer.countTokens and Token.originalOffset: the pieces the enrichment shares. */
class TokenizedTextTest {

    @Test
    void countingTokensAgreesWithTokenizingOnSamplesAndJunk() {
        for (String sample : Samples.all()) {
            assertThat(ArabicTokenizer.countTokens(sample, 0, sample.length())).isEqualTo(ArabicTokenizer.tokenize(sample).size());
            int middle = sample.length() / 2;
            assertThat(ArabicTokenizer.countTokens(sample, middle, sample.length()))
                    .isEqualTo(ArabicTokenizer.tokenize(sample, middle, sample.length()).size());
        }
        Random random = new Random(5);
        char[] alphabet = "بوتين ab1\u064B\u0640\u200C\u0674\uD800\uDC00\uD83D\uDE00 ،.".toCharArray();
        for (int round = 0; round < 500; round++) {
            char[] text = new char[random.nextInt(60)];
            for (int k = 0; k < text.length; k++) {
                text[k] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(text);
            assertThat(ArabicTokenizer.countTokens(s, 0, s.length())).as("«%s»", s).isEqualTo(ArabicTokenizer.tokenize(s).size());
        }
    }

    @Test
    void findsTheTokenAtAnOffset() {
        TokenizedText t = TokenizedText.of("قال بوتين، في موسكو.");
        assertThat(t.tokens()).extracting(Token::surface).containsExactly("قال", "بوتين", "في", "موسكو");
        assertThat(t.sentences()).hasSize(1);
        assertThat(t.tokenIndexAt(0)).isZero();
        assertThat(t.tokenIndexAt(4)).isEqualTo(1);
        assertThat(t.tokenIndexAt(5)).isEqualTo(2);
        assertThat(t.tokenIndexAt(100)).isEqualTo(4);
        assertThat(TokenizedText.of("").isEmpty()).isTrue();
        assertThat(TokenizedText.of(null)).isEqualTo(TokenizedText.empty());
    }

    @Test
    void mapsANormalizedIndexInsideATokenBackToTheOriginal() {
        Token plain = ArabicTokenizer.tokenize("قال وبوتين").get(1);
        assertThat(plain.originalOffset(1)).isEqualTo(5);
        Token marked = ArabicTokenizer.tokenize("قال وَبُوتِين").get(1);
        assertThat(marked.normalized()).isEqualTo("وبوتين");
        assertThat(marked.originalOffset(1)).isEqualTo(6);
        assertThat("قال وَبُوتِين".substring(marked.originalOffset(1), marked.end())).isEqualTo("بُوتِين");
        Token tatweel = ArabicTokenizer.tokenize("لـــلكرملين").get(0);
        assertThat("لـــلكرملين".substring(tatweel.originalOffset(2))).isEqualTo("كرملين");
        assertThat(marked.originalOffset(0)).isEqualTo(marked.start());
        assertThat(marked.originalOffset(100)).isEqualTo(marked.end());
        List<Token> none = ArabicTokenizer.tokenize("");
        assertThat(none).isEmpty();
    }
}
