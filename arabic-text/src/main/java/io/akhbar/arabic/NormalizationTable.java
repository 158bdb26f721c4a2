package io.akhbar.arabic;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * The per-char lookup table behind {@link ArabicNormalizer}: for every BMP char, the result of
 * NFKC followed by the Arabic folds, lower-casing and digit folding, precomputed once so that the
 * hot loop is a single array load per char and java.text.Normalizer is only needed for the rare
 * clusters whose result depends on context (non-Arabic combining marks, Hangul jamo, some
 * supplementary characters).
 *
 * <p>A table value is either the folded char itself or one of the {@code K_*} codes. The codes
 * live in the surrogate range: no folded char is ever a surrogate, and the surrogates themselves
 * get their own codes.
 */
final class NormalizationTable {

    /** Dropped, and the original span of the previous output char grows over it (tatweel, ZWJ...). */
    static final char K_JOIN_DROP = '\uD800';
    /** Dropped combining mark (tashkeel, Quranic marks): like K_JOIN_DROP, and it continues a cluster. */
    static final char K_MARK_DROP = '\uD801';
    /** Dropped without being attached to anything (bidi controls, BOM): they sit between words. */
    static final char K_DROP = '\uD802';
    /** Expands to several chars (ligatures, "…"): see {@link #expansion(char)}. */
    static final char K_EXPAND = '\uD803';
    /** A combining mark we keep; its cluster has to go through java.text.Normalizer. */
    static final char K_COMBINING = '\uD804';
    static final char K_HIGH_SURROGATE = '\uD805';
    static final char K_LOW_SURROGATE = '\uD806';

    static final char[] TABLE = new char[0x10000];
    private static final char[] EXPANSION_KEYS;
    private static final String[] EXPANSION_VALUES;

    /**
     * The 256-char blocks of the BMP holding every char whose NFKC form differs from itself
     * (checked on JDK 17 and JDK 25, i.e. Unicode 13 and 16). Scanning only these saves most of
     * the class initialisation; {@code NormalizationTableTest} re-derives the list from the
     * running JDK so that a Unicode version adding such a char elsewhere fails the build instead
     * of silently diverging.
     */
    static final int[] NFKC_BLOCKS = {
        0x00, 0x01, 0x02, 0x03, 0x05, 0x06, 0x09, 0x0A, 0x0B, 0x0E, 0x0F, 0x10, 0x1D, 0x1E, 0x1F,
        0x20, 0x21, 0x22, 0x23, 0x24, 0x2A, 0x2C, 0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x32, 0x33, 0xA6,
        0xA7, 0xAB, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF
    };

    static {
        boolean[] nfkcBlock = new boolean[256];
        for (int b : NFKC_BLOCKS) {
            nfkcBlock[b] = true;
        }
        char[] expKeys = new char[2048];
        String[] expValues = new String[2048];
        int expCount = 0;
        StringBuilder sb = new StringBuilder(24);
        for (int c = 0; c < 0x10000; c++) {
            char ch = (char) c;
            char v;
            if (Character.isHighSurrogate(ch)) {
                v = K_HIGH_SURROGATE;
            } else if (Character.isLowSurrogate(ch)) {
                v = K_LOW_SURROGATE;
            } else {
                char explicit = arabicSpecific(ch);
                if (explicit != 0) {
                    v = explicit;
                } else if (isCombining(ch)) {
                    v = K_COMBINING;
                } else {
                    String nfkc = nfkcBlock[c >>> 8]
                            ? Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFKC)
                            : null;
                    if (nfkc == null || (nfkc.length() == 1 && nfkc.charAt(0) == ch)) {
                        v = foldSimple(ch);
                    } else if (isCombining(nfkc.charAt(0))) {
                        // Becomes a mark (halfwidth kana voicing marks): it may reorder or compose
                        // with what precedes it, like any mark.
                        v = K_COMBINING;
                    } else {
                        sb.setLength(0);
                        for (int k = 0; k < nfkc.length(); k++) {
                            char d = nfkc.charAt(k);
                            char e = arabicSpecific(d);
                            if (e == 0) {
                                sb.append(foldSimple(d));
                            } else if (e < K_JOIN_DROP || e > K_DROP) {
                                sb.append(e);
                            }
                        }
                        if (sb.length() == 0) {
                            v = K_JOIN_DROP;
                        } else if (sb.length() == 1) {
                            v = sb.charAt(0);
                        } else {
                            v = K_EXPAND;
                            if (expCount == expKeys.length) {
                                expKeys = Arrays.copyOf(expKeys, expCount * 2);
                                expValues = Arrays.copyOf(expValues, expCount * 2);
                            }
                            expKeys[expCount] = ch;
                            expValues[expCount] = sb.toString();
                            expCount++;
                        }
                    }
                }
            }
            TABLE[c] = v;
        }
        // Keys were produced in ascending order, so binary search works directly.
        EXPANSION_KEYS = Arrays.copyOf(expKeys, expCount);
        EXPANSION_VALUES = Arrays.copyOf(expValues, expCount);
    }

    private NormalizationTable() {
    }

    static String expansion(char c) {
        int i = Arrays.binarySearch(EXPANSION_KEYS, c);
        return i >= 0 ? EXPANSION_VALUES[i] : String.valueOf(c);
    }

    /** The Arabic-specific rules; 0 when the char has none. Applied to NFKC output too. */
    private static char arabicSpecific(char c) {
        switch (c) {
            // Hamza carriers and wasla on alef; the Kashmiri/Sindhi wavy-hamza alefs too.
            case '\u0622': case '\u0623': case '\u0625': case '\u0671': case '\u0672': case '\u0673':
                return '\u0627';
            // Alef maksura, hamza on yeh, and the Persian/Urdu/Pashto yehs.
            case '\u0649': case '\u0626': case '\u0620': case '\u063D': case '\u063E': case '\u063F':
            case '\u06CC': case '\u06CD': case '\u06CE': case '\u06D0': case '\u06D1': case '\u06D2':
            case '\u06D3':
                return '\u064A';
            case '\u0624':
                return '\u0648';
            // Teh marbuta and the Persian/Urdu hehs (do-chashmi, goal, heh with yeh, ae).
            case '\u0629': case '\u06C3': case '\u06BE': case '\u06C1': case '\u06C2': case '\u06C0':
            case '\u06D5':
                return '\u0647';
            case '\u06A9': case '\u06AA':
                return '\u0643';
            // Arabic decimal/thousands separators and percent sign, so that numbers match ASCII ones.
            case '\u066B':
                return '.';
            case '\u066C':
                return ',';
            case '\u066A':
                return '%';
            // Word-internal format chars: tatweel, ZWNJ, ZWJ, soft hyphen, word joiner, high hamza.
            case '\u0640': case '\u200C': case '\u200D': case '\u00AD': case '\u2060': case '\u0674':
                return K_JOIN_DROP;
            // Bidi controls and the BOM live between words; dropping them must not glue anything.
            case '\u200E': case '\u200F': case '\u061C': case '\u202A': case '\u202B': case '\u202C':
            case '\u202D': case '\u202E': case '\u2066': case '\u2067': case '\u2068': case '\u2069':
            case '\uFEFF':
                return K_DROP;
            // A zero-width space separates words; keep the separation visible to tokenizers.
            case '\u200B':
                return ' ';
            default:
                break;
        }
        if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || (c >= '\u06D6' && c <= '\u06ED')
                || (c >= '\u0610' && c <= '\u061A') || (c >= '\u08D3' && c <= '\u08FF' && c != '\u08E2')
                || c == '\u034F') {
            return K_MARK_DROP;
        }
        return 0;
    }

    /** True for chars that can reorder or compose with what precedes them under NFKC. */
    private static boolean isCombining(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                // Hangul jamo compose with their neighbours; the compatibility and halfwidth jamo
                // do too once NFKC has turned them into conjoining ones.
                || (c >= '\u1160' && c <= '\u11FF') || (c >= '\u3131' && c <= '\u318E')
                || (c >= '\uFFA0' && c <= '\uFFDC');
    }

    private static char foldSimple(char c) {
        if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
            int d = Character.digit(c, 10);
            if (d >= 0) {
                return (char) ('0' + d);
            }
        }
        return Character.toLowerCase(c);
    }

    /** The fold for a supplementary code point, used on the slow path only. */
    static int foldCodePoint(int cp) {
        if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
            int d = Character.digit(cp, 10);
            if (d >= 0) {
                return '0' + d;
            }
        }
        return Character.toLowerCase(cp);
    }

    /**
     * Supplementary code points whose normalized form differs from the code point: NFKC
     * (mathematical alphanumerics, Arabic mathematical letters, enclosed and segmented
     * alphanumerics, CJK compatibility ideographs, musical symbols), case or digit folding.
     */
    static boolean supplementaryNeedsWork(int cp) {
        return (cp >= 0x1D100 && cp <= 0x1D1FF) || (cp >= 0x1D400 && cp <= 0x1D7FF)
                || (cp >= 0x1EE00 && cp <= 0x1EEFF) || (cp >= 0x1F100 && cp <= 0x1F2FF)
                || (cp >= 0x1FB00 && cp <= 0x1FBFF) || (cp >= 0x2F800 && cp <= 0x2FA1F)
                || (cp >= 0x10780 && cp <= 0x107BF) || (cp >= 0x1E030 && cp <= 0x1E08F)
                || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER
                || Character.toLowerCase(cp) != cp;
    }

    static boolean supplementaryIsCombining(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
