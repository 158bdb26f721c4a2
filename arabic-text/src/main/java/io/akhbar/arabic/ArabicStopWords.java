package io.akhbar.arabic;

import java.util.Set;

/**
 * Arabic stop words, stored NORMALIZED and matched against normalized tokens, so إلى and الى both
 * hit الي. Loaded once from {@code io/akhbar/arabic/stopwords.txt}.
 *
 * <p>Because of normalization على and the name علي (Ali) are the same token; a stop filter drops
 * both.
 */
public final class ArabicStopWords {

    /** Classpath resource of the list, relative to this package. */
    public static final String RESOURCE = "stopwords.txt";

    private static final class Holder {
        static final WordSet WORDS = WordSet.of(WordLists.readNormalized(RESOURCE));
    }

    private ArabicStopWords() {
    }

    public static boolean isStopWord(String normalizedToken) {
        return Holder.WORDS.contains(normalizedToken);
    }

    /** For token filters: {@code buf[off, off + len)} holds a normalized term. */
    public static boolean isStopWord(char[] buf, int off, int len) {
        return Holder.WORDS.contains(buf, off, len);
    }

    /** The normalized stop words. */
    public static WordSet wordSet() {
        return Holder.WORDS;
    }

    /** The normalized stop words, as an unmodifiable set. */
    public static Set<String> words() {
        return Holder.WORDS.asSet();
    }
}
