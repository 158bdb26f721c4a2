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
