package io.akhbar.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.akhbar.elasticsearch.Tokens.Token;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AkhbarArabicAnalyzerTest {

    private static final Analyzer ANALYZER = new AkhbarArabicAnalyzerFactory().create();

    @AfterAll
    static void close() {
        ANALYZER.close();
    }

    @Test
    void analyzesTheNewsSentence() throws IOException {
        String text = "وبوتين للرئيس الأميركي ترمب في بموسكو";

        List<Token> tokens = Tokens.analyze(ANALYZER, text);

        assertThat(tokens).extracting(Token::term).containsExactly("بوتين", "رييس", "اميرك", "ترمب", "موسكو");
        // في is a stop word: its position stays empty, so "ترمب بموسكو" is no phrase match.
        assertThat(tokens).extracting(Token::positionIncrement).containsExactly(1, 1, 1, 1, 2);
        // Offsets point at the original words, clitics and all, for highlighting.
        assertThat(tokens).extracting(t -> text.substring(t.start(), t.end()))
                .containsExactly("وبوتين", "للرئيس", "الأميركي", "ترمب", "بموسكو");
    }

    @Test
    void protectedNamesAreNotStemmed() throws IOException {
        assertThat(Tokens.terms(ANALYZER, "ويتكوف بوتين وبوتين لبوتين ماكرون وإيران"))
                .containsExactly("ويتكوف", "بوتين", "بوتين", "بوتين", "ماكرون", "ايران");
    }

    @Test
    void spellingVariantsMeet() throws IOException {
        // Hamza seats, alef forms, teh marbuta, alef maksura, tashkeel and tatweel.
        assertThat(Tokens.terms(ANALYZER, "أمريكا إيران آسيا مدرسة مستشفى الرئاسة مُحَمَّد العـــربية"))
                .isEqualTo(Tokens.terms(ANALYZER, "امريكا ايران اسيا مدرسه مستشفي الرياسه محمد العربيه"));
    }

    @Test
    void cliticsAndArticleAreRemovedByTheStemmer() throws IOException {
        assertThat(Tokens.terms(ANALYZER, "والعقوبات العقوبات بالعقوبات")).containsOnly("عقوب");
        assertThat(Tokens.terms(ANALYZER, "موسكو بموسكو وموسكو")).containsOnly("موسكو");
    }

    @Test
    void stopWordsGoAfterNormalization() throws IOException {
        assertThat(Tokens.terms(ANALYZER, "إلى الى على وفي هذه")).isEmpty();
    }

    @Test
    void lowerCasesWithoutALowercaseFilter() throws IOException {
        assertThat(Tokens.terms(ANALYZER, "NATO Witkoff ١٢٣")).containsExactly("nato", "witkoff", "123");
    }

    @Test
    void multiTermNormalizationOnlyNormalizes() {
        // What a prefix query for أمريك* is rewritten with: normalized, never stemmed.
        BytesRef normalized = ANALYZER.normalize("f", "الأمريكيين");
        assertThat(normalized.utf8ToString()).isEqualTo("الامريكيين");
        // Lucene insists on exactly one normalized term, even when nothing is left of it.
        assertThat(ANALYZER.normalize("f", "ـــ").utf8ToString()).isEmpty();
    }
}
