package io.akhbar.elasticsearch;

import io.akhbar.arabic.ArabicNormalizer;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Applies the project-wide {@link ArabicNormalizer} to each term, in place in the term buffer.
 *
 * <p>Keyword-marked terms are normalized too: normalization decides what counts as the same word, so
 * protecting a term from it would only make it unmatchable.
 *
 * <p>A term that normalizes to nothing (a lone tatweel or diacritic) is dropped when analyzing text,
 * rather than indexed as the empty string; the position gap is kept, as for stop words. Multi-term
 * normalization (Analyzer.normalize, used for wildcard and prefix query terms) must instead yield
 * exactly one term, so there the empty term stays.
 */
final class ArabicNormalizeFilter extends FilteringTokenFilter {

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final boolean keepEmpty;

    private ArabicNormalizeFilter(TokenStream input, boolean keepEmpty) {
        super(input);
        this.keepEmpty = keepEmpty;
    }

    /** For analysis chains. */
    static ArabicNormalizeFilter analyzing(TokenStream input) {
        return new ArabicNormalizeFilter(input, false);
    }

    /** For multi-term normalization: one term in, one term out. */
    static ArabicNormalizeFilter normalizing(TokenStream input) {
        return new ArabicNormalizeFilter(input, true);
    }

    @Override
    protected boolean accept() {
        int len = termAtt.length();
        int n = ArabicNormalizer.normalize(termAtt.buffer(), len);
        if (n < 0) {
            // A ligature expanded past the buffer's capacity: nothing was written, so grow and redo.
            n = ArabicNormalizer.normalize(termAtt.resizeBuffer(~n), len);
        }
        termAtt.setLength(n);
        return n > 0 || keepEmpty;
    }
}
