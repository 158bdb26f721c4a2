package io.akhbar.arabic;

import java.util.ArrayList;
import java.util.List;

/**
 * Clitics glued to Arabic words, for NORMALIZED tokens (see {@link ArabicNormalizer}).
 *
 * <p>Proclitics: an optional conjunction (و ف), then an optional preposition (ب ك ل), then an
 * optional article ال, where ل + ال is written لل. So وبوتين, بموسكو, للكرملين, والناتو,
 * وبالعقوبات all hide a name or noun. Stripping is ambiguous (بوتين itself starts with ب, الي is
 * also إلى), so {@link #candidates(String)} returns every reading, least stripped first, and lets
 * the caller (a gazetteer, a protected-word list) decide.
 *
 * <p>Enclitics (possessive/object pronouns) are separate and meant for keywords and stems, not
 * for names: a name ending in ه or نا is common.
 */
public final class Clitics {

    /** Shortest stem left after removing clitics: keeps بل, والي → الي but not ي, لله → له. */
    public static final int MIN_STEM_LENGTH = 3;

    /** Every valid proclitic sequence in normalized form (the article ال spelled in full). */
    private static final WordSet PROCLITICS = WordSet.of(
            "و", "ف", "ب", "ك", "ل", "ال",
            "وب", "وك", "ول", "فب", "فك", "فل",
            "وال", "فال", "بال", "كال", "لل",
            "وبال", "وكال", "فبال", "فكال", "ولل", "فلل");
    private static final int MAX_PROCLITIC = 4;

    private static final String[] ENCLITICS = {"هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ني", "ه"};

    private Clitics() {
    }

    /**
     * Readings of a normalized token, the token itself first, then with ever longer proclitics
     * removed, each keeping at least {@link #MIN_STEM_LENGTH} chars. E.g. والناتو → [والناتو,
     * الناتو, ناتو]; للكرملين → [للكرملين, لكرملين, كرملين]; بل → [بل].
     */
    public static List<String> candidates(String normalizedToken) {
        return candidates(normalizedToken, MIN_STEM_LENGTH);
    }

    /** As {@link #candidates(String)} with another minimum stem length (at least 1). */
    public static List<String> candidates(String normalizedToken, int minStemLength) {
        int min = Math.max(1, minStemLength);
        int n = normalizedToken.length();
        List<String> out = null;
        for (int k = 1; k <= MAX_PROCLITIC && n - k >= min; k++) {
            if (PROCLITICS.contains(normalizedToken, 0, k)) {
                if (out == null) {
                    out = new ArrayList<>(4);
                    out.add(normalizedToken);
                }
                out.add(normalizedToken.substring(k));
            }
        }
        return out == null ? List.of(normalizedToken) : out;
    }

    /**
     * Lengths of the proclitic prefixes of {@code text[start, end)} that leave at least
     * {@code minStemLength} chars, as a bit set (bit k set: a k-char prefix is a proclitic).
     * Allocation-free building block for token filters.
     */
    public static int procliticLengths(CharSequence text, int start, int end, int minStemLength) {
        int min = Math.max(1, minStemLength);
        int bits = 0;
        for (int k = 1; k <= MAX_PROCLITIC && end - start - k >= min; k++) {
            if (PROCLITICS.contains(text, start, start + k)) {
                bits |= 1 << k;
            }
        }
        return bits;
    }

    /** Same as {@link #procliticLengths(CharSequence, int, int, int)} over a char buffer. */
    public static int procliticLengths(char[] buf, int off, int len, int minStemLength) {
        int min = Math.max(1, minStemLength);
        int bits = 0;
        for (int k = 1; k <= MAX_PROCLITIC && len - k >= min; k++) {
            if (PROCLITICS.contains(buf, off, k)) {
                bits |= 1 << k;
            }
        }
        return bits;
    }

    /**
     * Readings of a normalized word without a trailing pronoun, the word itself first: مقابلته →
     * [مقابلته, مقابلت, مقابله] (a pronoun turns ة into ت; the ة form, normalized to ه, is offered
     * too). Only the longest matching pronoun is removed, keeping at least
     * {@link #MIN_STEM_LENGTH} chars. Not for names.
     */
    public static List<String> encliticCandidates(String normalizedWord) {
        int n = normalizedWord.length();
        for (String suffix : ENCLITICS) {
            int stemLen = n - suffix.length();
            if (stemLen >= MIN_STEM_LENGTH && normalizedWord.endsWith(suffix)) {
                String stem = normalizedWord.substring(0, stemLen);
                if (stem.charAt(stemLen - 1) == 'ت') {
                    return List.of(normalizedWord, stem, stem.substring(0, stemLen - 1) + 'ه');
                }
                return List.of(normalizedWord, stem);
            }
        }
        return List.of(normalizedWord);
    }

    /** The word without its longest trailing pronoun (ة restored as ه), or the word itself. */
    public static String stripEnclitic(String normalizedWord) {
        List<String> c = encliticCandidates(normalizedWord);
        return c.get(c.size() - 1);
    }
}
