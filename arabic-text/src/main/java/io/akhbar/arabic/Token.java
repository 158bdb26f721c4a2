package io.akhbar.arabic;

/**
 * A token of an original text.
 *
 * @param surface    the original chars, exactly {@code original.substring(start, end)}
 * @param normalized {@link ArabicNormalizer#normalize(CharSequence)} of the surface; never empty
 * @param start      offset of the first char in the original text
 * @param end        offset after the last char in the original text
 */
public record Token(String surface, String normalized, int start, int end) {

    public Token {
        if (start < 0 || end < start || surface.length() != end - start) {
            throw new IllegalArgumentException("bad token span [" + start + ", " + end + ") for '" + surface + "'");
        }
    }

    /**
     * Offset in the original text of the char at index {@code normalizedIndex} of
     * {@link #normalized()}: where a name starts once a glued prefix is set aside (وبوتين, index 1).
     */
    public int originalOffset(int normalizedIndex) {
        if (normalizedIndex <= 0) {
            return start;
        }
        if (normalizedIndex >= normalized.length()) {
            return end;
        }
        boolean oneToOne = surface.length() == normalized.length();
        for (int k = 0; oneToOne && k < surface.length(); k++) {
            oneToOne = ArabicNormalizer.normalizeChar(surface.charAt(k)) >= 0;
        }
        if (oneToOne) {
            return start + normalizedIndex;
        }
        return start + ArabicNormalizer.normalizeWithOffsets(surface).originalStart(normalizedIndex);
    }

    /** True when the token is made of Arabic-script letters (and the marks between them). */
    public boolean isArabic() {
        return !normalized.isEmpty() && ArabicTokenizer.isArabicLetter(normalized.charAt(0));
    }

    /** True when the token is a number, possibly with inner separators (3.5, 2,000). */
    public boolean isNumber() {
        if (normalized.isEmpty()) {
            return false;
        }
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }
}
