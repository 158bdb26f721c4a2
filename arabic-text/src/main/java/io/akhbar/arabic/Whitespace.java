package io.akhbar.arabic;

/**
 * Runs of whitespace as one space, without a regular expression: names, bodies and queries pass through here for
 * every article and every search, and {@code replaceAll("\\s+", " ")} compiles a pattern on every call.
 */
public final class Whitespace {

    private Whitespace() {
    }

    /**
     * {@code text} with every run of the characters {@code \s} matches ({@code [ \t\n\x0B\f\r]}) replaced by one
     * space: exactly what {@code text.replaceAll("\\s+", " ")} returns, and {@code text} itself when nothing changes.
     */
    public static String collapse(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c) && (c != ' ' || (i + 1 < n && isSpace(text.charAt(i + 1))))) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n).append(text, 0, i);
        boolean inRun = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                if (!inRun) {
                    out.append(' ');
                    inRun = true;
                }
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
