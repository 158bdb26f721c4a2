package io.akhbar.elasticsearch;

import io.akhbar.arabic.Clitics;
import io.akhbar.arabic.ProtectedWords;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Removes proclitics (و ف ب ك ل, the article ال, لل and their combinations) from normalized terms, in
 * place, without touching suffixes.
 *
 * <p>Which reading to keep is the hard part: بوتين starts with ب and بريطانيا with ب too. The rules, in
 * order:
 * <ol>
 *   <li>A reading behind a proclitic that is a protected word wins, the most stripped first (وبوتين →
 *       بوتين, بموسكو → موسكو, للكرملين → كرملين), exactly as {@link io.akhbar.arabic.LightStemmer}
 *       decides, so both filters agree on names.</li>
 *   <li>A protected word is otherwise kept whole (بوتين does not become وتين).</li>
 *   <li>Otherwise only sequences that contain the article are removed (والعقوبات, بالقرار, للرئيس).
 *       A bare و ف ب ك ل is indistinguishable from a first letter (وليد, فرنسا, بريطانيا, لبنان,
 *       كندا), so it is only removed in front of a protected word (rule 1).</li>
 * </ol>
 * Keyword-marked terms are left alone.
 */
final class ArabicCliticsFilter extends TokenFilter {

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
    private final ProtectedWords protectedWords;

    ArabicCliticsFilter(TokenStream input, ProtectedWords protectedWords) {
        super(input);
        this.protectedWords = protectedWords;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keywordAtt.isKeyword()) {
            char[] buf = termAtt.buffer();
            int len = termAtt.length();
            int k = procliticToRemove(buf, len, protectedWords);
            if (k > 0) {
                System.arraycopy(buf, k, buf, 0, len - k);
                termAtt.setLength(len - k);
            }
        }
        return true;
    }

    /** Length of the proclitic prefix of {@code buf[0, len)} to remove; 0 to keep the term. */
    static int procliticToRemove(char[] buf, int len, ProtectedWords protectedWords) {
        int lengths = Clitics.procliticLengths(buf, 0, len, Clitics.MIN_STEM_LENGTH);
        if (lengths == 0) {
            return 0;
        }
        for (int k = 31 - Integer.numberOfLeadingZeros(lengths); k >= 1; k--) {
            if ((lengths & (1 << k)) != 0 && protectedWords.contains(buf, k, len - k)) {
                return k;
            }
        }
        if (protectedWords.contains(buf, 0, len)) {
            return 0;
        }
        for (int k = 31 - Integer.numberOfLeadingZeros(lengths); k >= 2; k--) {
            if ((lengths & (1 << k)) != 0 && endsWithArticle(buf, k)) {
                return k;
            }
        }
        return 0;
    }

    /** Every valid proclitic sequence that holds the article ends in ال, or in لل (ل + ال). */
    private static boolean endsWithArticle(char[] buf, int k) {
        return buf[k - 1] == 'ل' && (buf[k - 2] == 'ا' || buf[k - 2] == 'ل');
    }
}
