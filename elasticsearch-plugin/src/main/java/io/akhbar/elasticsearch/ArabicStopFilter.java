package io.akhbar.elasticsearch;

import io.akhbar.arabic.ArabicStopWords;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops {@link ArabicStopWords}, probing the term buffer directly. The list is normalized, so this must
 * run after {@link ArabicNormalizeFilter}: إلى only matches once it has become الي.
 *
 * <p>Like Lucene's StopFilter it ignores KeywordAttribute, which protects a term's form, not its
 * presence; and it leaves the position gap, so phrase queries do not match across a removed word.
 */
final class ArabicStopFilter extends FilteringTokenFilter {

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

    ArabicStopFilter(TokenStream input) {
        super(input);
    }

    @Override
    protected boolean accept() {
        return !ArabicStopWords.isStopWord(termAtt.buffer(), 0, termAtt.length());
    }
}
