package io.akhbar.elasticsearch;

import io.akhbar.arabic.LightStemmer;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer behind {@code akhbar_arabic}: standard tokenizer, then normalization, stop words and
 * name-aware light stemming.
 *
 * <p>Choices in the chain:
 * <ul>
 *   <li>No lowercase filter: {@link io.akhbar.arabic.ArabicNormalizer} already lower-cases, char by
 *       char and independently of the locale, exactly like Lucene's LowerCaseFilter.</li>
 *   <li>Normalization first: the stop list and the protected names are stored normalized, so both only
 *       match normalized terms (إلى → الي, ترامبْ → ترامب).</li>
 *   <li>Stop words before stemming, so that a stem cannot be mistaken for a stop word; the list
 *       carries the usual conjunction forms (وفي, ومن, فإن...) for the same reason.</li>
 *   <li>No separate clitics filter: the stemmer removes the same proclitics (checking the same
 *       protected names), and running both strips twice words whose stem starts like the article:
 *       والالتزام → التزام → تزام.</li>
 * </ul>
 */
final class AkhbarArabicAnalyzer extends Analyzer {

    /** Loading the word lists takes a few milliseconds; the stemmer is immutable, so share it. */
    private static final LightStemmer DEFAULT_STEMMER = new LightStemmer();

    private final LightStemmer stemmer;

    AkhbarArabicAnalyzer() {
        this(DEFAULT_STEMMER);
    }

    AkhbarArabicAnalyzer(LightStemmer stemmer) {
        this.stemmer = stemmer;
    }

    static LightStemmer stemmer(List<String> extraProtectedWords) {
        return extraProtectedWords.isEmpty() ? DEFAULT_STEMMER : new LightStemmer(extraProtectedWords);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = ArabicNormalizeFilter.analyzing(source);
        result = new ArabicStopFilter(result);
        result = new ArabicStemFilter(result, stemmer);
        return new TokenStreamComponents(source, result);
    }

    /** What prefix, wildcard and fuzzy query terms go through: the char-level part of the chain only. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return ArabicNormalizeFilter.normalizing(in);
    }
}
