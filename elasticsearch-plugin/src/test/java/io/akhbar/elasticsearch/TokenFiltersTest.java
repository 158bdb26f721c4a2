package io.akhbar.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.akhbar.elasticsearch.Tokens.Token;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;

class TokenFiltersTest {

    private static final ProtectedWordsSettings NO_SETTINGS = List::of;

    private final TokenFilterFactory normalize = new ArabicNormalizeTokenFilterFactory();
    private final TokenFilterFactory stop = new ArabicStopTokenFilterFactory();
    private final TokenFilterFactory clitics = new ArabicCliticsTokenFilterFactory(NO_SETTINGS);
    private final TokenFilterFactory stem = new ArabicStemTokenFilterFactory(NO_SETTINGS);

    @Test
    void normalizeFoldsVariantsInPlace() throws IOException {
        Analyzer a = Tokens.whitespace(normalize::create);
        assertThat(Tokens.terms(a, "أحمد إلى آخر مدرسةٌ مستشفى سُؤال ﻻ Straße"))
                .containsExactly("احمد", "الي", "اخر", "مدرسه", "مستشفي", "سوال", "لا", "straße");
    }

    @Test
    void normalizeDropsTermsThatVanishAndKeepsTheirPosition() throws IOException {
        Analyzer a = Tokens.whitespace(normalize::create);
        List<Token> tokens = Tokens.analyze(a, "قال ـــ َ اليوم");
        assertThat(tokens).extracting(Token::term).containsExactly("قال", "اليوم");
        assertThat(tokens).extracting(Token::positionIncrement).containsExactly(1, 3);
    }

    @Test
    void normalizeGrowsTheTermBufferForExpandingLigatures() throws IOException {
        // U+FDFA (a whole blessing in one char) expands to 18 chars, more than the term buffer holds.
        Analyzer a = Tokens.whitespace(normalize::create);
        assertThat(Tokens.terms(a, "\uFDFA")).singleElement().satisfies(t -> assertThat(t).hasSizeGreaterThan(10));
    }

    @Test
    void normalizeIsAlsoTheMultiTermNormalization() throws IOException {
        Analyzer a = Tokens.whitespace(normalize::normalize);
        assertThat(Tokens.terms(a, "أمريكا")).containsExactly("امريكا");
        // One term in, one term out, even an empty one.
        assertThat(Tokens.terms(a, "ـــ")).containsExactly("");
    }

    @Test
    void stopRemovesNormalizedStopWords() throws IOException {
        Analyzer a = Tokens.whitespace(ts -> stop.create(normalize.create(ts)));
        List<Token> tokens = Tokens.analyze(a, "ذهب إلى البيت في الصباح");
        assertThat(tokens).extracting(Token::term).containsExactly("ذهب", "البيت", "الصباح");
        assertThat(tokens).extracting(Token::positionIncrement).containsExactly(1, 2, 2);
    }

    @Test
    void stopExpectsNormalizedInput() throws IOException {
        // إلى is only found once normalized to الي: the reason normalize comes first.
        Analyzer a = Tokens.whitespace(stop::create);
        assertThat(Tokens.terms(a, "إلى الى الي")).containsExactly("إلى", "الى");
    }

    @Test
    void cliticsStripsProcliticsButKeepsNames() throws IOException {
        Analyzer a = Tokens.whitespace(ts -> clitics.create(normalize.create(ts)));
        assertThat(Tokens.terms(a, "وبوتين بوتين لبوتين بموسكو للكرملين الكرملين"))
                .containsExactly("بوتين", "بوتين", "بوتين", "موسكو", "كرملين", "كرملين");
        assertThat(Tokens.terms(a, "والعقوبات بالقرار للرئيس وبالتالي فالأمر"))
                .containsExactly("عقوبات", "قرار", "رييس", "تالي", "امر");
        // A bare first letter that looks like a clitic is kept unless a protected name follows it.
        assertThat(Tokens.terms(a, "بريطانيا لبنان وليد فرنسا كندا وزير ويتكوف"))
                .containsExactly("بريطانيا", "لبنان", "وليد", "فرنسا", "كندا", "وزير", "ويتكوف");
        // Too short to leave a stem, and Latin.
        assertThat(Tokens.terms(a, "الله بل ولد Bloomberg")).containsExactly("الله", "بل", "ولد", "bloomberg");
    }

    @Test
    void cliticsNeverRemovesSuffixes() throws IOException {
        Analyzer a = Tokens.whitespace(ts -> clitics.create(normalize.create(ts)));
        assertThat(Tokens.terms(a, "والمسؤولين")).containsExactly("مسوولين");
    }

    @Test
    void stemLeavesProtectedNamesAlone() throws IOException {
        Analyzer a = Tokens.whitespace(ts -> stem.create(normalize.create(ts)));
        assertThat(Tokens.terms(a, "ويتكوف بوتين وبوتين ماكرون إيران"))
                .containsExactly("ويتكوف", "بوتين", "بوتين", "ماكرون", "ايران");
        assertThat(Tokens.terms(a, "والمسؤولين العقوبات وزير"))
                .containsExactly("مسوول", "عقوب", "وزير");
    }

    @Test
    void stemAndCliticsRespectKeywordMarker() throws IOException {
        CharArraySet keywords = new CharArraySet(List.of("والعقوبات"), false);
        Analyzer a = Tokens.whitespace(ts -> stem.create(clitics.create(new SetKeywordMarkerFilter(normalize.create(ts), keywords))));
        assertThat(Tokens.terms(a, "والعقوبات العقوبات")).containsExactly("والعقوبات", "عقوب");
    }

    @Test
    void protectedWordsSettingExtendsTheDefaults() throws IOException {
        ProtectedWordsSettings extra = () -> List.of("كيميان");
        TokenFilterFactory customStem = new ArabicStemTokenFilterFactory(extra);
        TokenFilterFactory customClitics = new ArabicCliticsTokenFilterFactory(extra);
        Analyzer plain = Tokens.whitespace(ts -> stem.create(normalize.create(ts)));
        Analyzer custom = Tokens.whitespace(ts -> customStem.create(normalize.create(ts)));
        Analyzer customCl = Tokens.whitespace(ts -> customClitics.create(normalize.create(ts)));

        assertThat(Tokens.terms(plain, "كيميان بوتين")).containsExactly("كيم", "بوتين");
        assertThat(Tokens.terms(custom, "كيميان وكيميان بوتين")).containsExactly("كيميان", "كيميان", "بوتين");
        assertThat(Tokens.terms(customCl, "وكيميان")).containsExactly("كيميان");
    }
}
