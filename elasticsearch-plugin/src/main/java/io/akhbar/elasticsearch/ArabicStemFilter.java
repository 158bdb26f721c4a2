package io.akhbar.elasticsearch;

import io.akhbar.arabic.LightStemmer;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Light-stems normalized terms in place with {@link LightStemmer}: one proclitic group, then suffixes;
 * protected words (names such as بوتين, ويتكوف) only lose proclitics. Keyword-marked terms are left
 * alone, so a keyword_marker in front of this filter protects words per index.
 */
final class ArabicStemFilter extends TokenFilter {

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
    private final LightStemmer stemmer;

    ArabicStemFilter(TokenStream input, LightStemmer stemmer) {
        super(input);
        this.stemmer = stemmer;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keywordAtt.isKeyword()) {
            termAtt.setLength(stemmer.stem(termAtt.buffer(), termAtt.length()));
        }
        return true;
    }
}
