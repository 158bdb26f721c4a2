package io.akhbar.arabic;

import java.nio.CharBuffer;
import java.util.Collection;
import java.util.Objects;

/**
 * Arabic light stemmer for NORMALIZED tokens, after Larkey's light10 as in Lucene's
 * ArabicStemmer: one prefix (ال وال بال كال فال لل و, plus the combinations وبال وكال فبال فكال ولل
 * فلل), then the suffixes ها ان ات ون ين يه ه ي in that order, each at most once (ة and ية are
 * already ه and يه after normalization).
 *
 * <p>Differences from light10, all to avoid destroying words: every removal must leave at least
 * {@value #MIN_STEM} letters and tokens of up to {@value #MIN_STEM} letters are never touched; a
 * bare و is kept on words whose root starts with و (وزير, وعود, وقف...); tokens that do not start
 * with an Arabic letter are returned as they are; and {@link ProtectedWords} (names: بوتين must
 * not become بوت) are returned unstemmed, though proclitics in front of them are still removed
 * (وبوتين → بوتين). When several readings are protected the most stripped wins, so that الكرملين
 * and للكرملين stem alike.
 *
 * <p>Immutable and thread-safe.
 */
public final class LightStemmer {

    static final int MIN_STEM = 3;

    private static final String[] PREFIXES = {
        "وبال", "وكال", "فبال", "فكال", "وال", "بال", "كال", "فال", "ولل", "فلل", "لل", "ال", "و"
    };
    private static final String[] SUFFIXES = {"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"};

    private static final class WawInitial {
        static final WordSet STEMS = WordSet.of(WordLists.readNormalized("waw-initial-stems.txt"));
    }

    private final ProtectedWords protectedWords;

    /** With the default {@link ProtectedWords}. */
    public LightStemmer() {
        this(ProtectedWords.defaults());
    }

    /** With the default protected words plus {@code extraProtectedWords} (normalized on the way in). */
    public LightStemmer(Collection<String> extraProtectedWords) {
        this(ProtectedWords.defaults().with(extraProtectedWords));
    }

    public LightStemmer(ProtectedWords protectedWords) {
        this.protectedWords = Objects.requireNonNull(protectedWords);
        WawInitial.STEMS.size(); // load the resource now rather than on the first stem
    }

    public ProtectedWords protectedWords() {
        return protectedWords;
    }

    /** The stem of a normalized token; the token itself when nothing applies. */
    public String stem(String normalizedToken) {
        long range = stemRange(normalizedToken, normalizedToken.length());
        int start = (int) (range >>> 32);
        int end = (int) range;
        return start == 0 && end == normalizedToken.length() ? normalizedToken : normalizedToken.substring(start, end);
    }

    /**
     * In-place variant for token filters: stems {@code buf[0, len)} (a normalized term) and returns
     * the new length; the stem is moved to the start of the buffer.
     */
    public int stem(char[] buf, int len) {
        long range = stemRange(CharBuffer.wrap(buf, 0, len), len);
        int start = (int) (range >>> 32);
        int end = (int) range;
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
        }
        return end - start;
    }

    /** (start << 32) | end of the stem inside {@code s[0, n)}. */
    private long stemRange(CharSequence s, int n) {
        if (n <= MIN_STEM || !ArabicTokenizer.isArabicLetter(s.charAt(0))) {
            return n;
        }
        int clitics = Clitics.procliticLengths(s, 0, n, MIN_STEM);
        for (int k = 4; k >= 1; k--) {
            if ((clitics & (1 << k)) != 0 && protectedWords.contains(s, k, n)) {
                return ((long) k << 32) | n;
            }
        }
        if (protectedWords.contains(s, 0, n)) {
            return n;
        }
        int start = 0;
        for (String p : PREFIXES) {
            if (n - p.length() >= MIN_STEM && startsWith(s, p)) {
                if (p.length() == 1 && isWawInitialWord(s, n)) {
                    break;
                }
                start = p.length();
                break;
            }
        }
        int end = n;
        for (String suffix : SUFFIXES) {
            if (end - start - suffix.length() >= MIN_STEM && endsWith(s, end, suffix)) {
                end -= suffix.length();
            }
        }
        return ((long) start << 32) | end;
    }

    private static boolean isWawInitialWord(CharSequence s, int n) {
        for (int len = 3; len <= Math.min(n, 6); len++) {
            if (WawInitial.STEMS.contains(s, 0, len)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(CharSequence s, String prefix) {
        for (int k = 0; k < prefix.length(); k++) {
            if (s.charAt(k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(CharSequence s, int end, String suffix) {
        int off = end - suffix.length();
        for (int k = 0; k < suffix.length(); k++) {
            if (s.charAt(off + k) != suffix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
