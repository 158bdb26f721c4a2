package io.akhbar.arabic;

/**
 * Quotation marks and whether one opens or closes a quote. Sentence splitting and quote extraction must agree on
 * where a quote is, so both ask this one class.
 */
public final class QuoteMarks {

    public static final int OPEN = 1;
    public static final int CLOSE = 2;
    /** Straight quotes touching the same on both sides: only the count so far can tell. */
    public static final int TOGGLE = 3;

    private QuoteMarks() {
    }

    public static boolean isQuote(char c) {
        switch (c) {
            case '"': case '\u201C': case '\u201D': case '\u201E': case '\u201F': case '\u00AB':
            case '\u00BB': case '\u2039': case '\u203A':
                return true;
            default:
                return false;
        }
    }

    /**
     * Whether the quote char at {@code i} opens or closes, from what touches it first: Arabic news mixes
     * “…”, ”…” and «…», so the glyph alone is only the tie-breaker.
     */
    public static int role(String text, int i) {
        boolean openBefore = i == 0 || opensBefore(text.charAt(i - 1));
        boolean closeAfter = i + 1 == text.length() || closesAfter(text.charAt(i + 1));
        if (openBefore && !closeAfter) {
            return OPEN;
        }
        if (!openBefore && closeAfter) {
            return CLOSE;
        }
        switch (text.charAt(i)) {
            case '\u201C': case '\u201E': case '\u201F': case '\u00AB': case '\u2039':
                return OPEN;
            case '\u201D': case '\u00BB': case '\u203A':
                return CLOSE;
            default:
                return TOGGLE;
        }
    }

    private static boolean opensBefore(char prev) {
        return Character.isWhitespace(prev) || Character.isSpaceChar(prev) || prev == '\uFEFF'
                || prev == '(' || prev == '[' || prev == '{' || prev == ':' || prev == '\u0640'
                || prev == '\u2013' || prev == '\u2014' || isQuote(prev);
    }

    private static boolean closesAfter(char next) {
        int type = Character.getType(next);
        return !Character.isLetterOrDigit(next) && type != Character.NON_SPACING_MARK
                && type != Character.COMBINING_SPACING_MARK && type != Character.ENCLOSING_MARK
                && !Character.isSurrogate(next) && next != '(' && next != '[' && next != '{';
    }
}
