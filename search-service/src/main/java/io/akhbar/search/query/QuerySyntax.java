package io.akhbar.search.query;

import io.akhbar.arabic.Whitespace;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits query text into words, "phrases", {@code OR} and {@code -}exclusions. That is the whole syntax: anything else
 * is text to search for, so no input can be an error or reach Elasticsearch as query syntax.
 *
 * <p>Typographic and Arabic punctuation is read like its ASCII counterpart: curly and angle quotes delimit phrases,
 * the Arabic comma, semicolon and question mark separate words like spaces, and so do brackets.
 */
final class QuerySyntax {

    /**
     * @param text     the word or phrase, trimmed of surrounding punctuation; null for {@link Kind#OR}
     * @param excluded preceded by {@code -}
     */
    record Token(Kind kind, String text, boolean excluded) {
    }

    enum Kind { WORD, PHRASE, OR }

    private QuerySyntax() {
    }

    static List<Token> tokens(String query) {
        String text = canonicalPunctuation(query);
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean excluded = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1)) && text.charAt(i + 1) != '-') {
                excluded = true;
                c = text.charAt(++i);
            }
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                String phrase = trimPunctuation(Whitespace.collapse(text.substring(i + 1, end).strip()));
                if (!phrase.isEmpty()) {
                    tokens.add(new Token(Kind.PHRASE, phrase, excluded));
                }
                i = end + 1;
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '"') {
                i++;
            }
            String raw = text.substring(start, i);
            if (!excluded && raw.equals("OR")) {
                tokens.add(new Token(Kind.OR, null, false));
                continue;
            }
            String word = trimPunctuation(raw);
            if (!word.isEmpty()) {
                tokens.add(new Token(Kind.WORD, word, excluded));
            }
        }
        return tokens;
    }

    private static String canonicalPunctuation(String query) {
        StringBuilder out = new StringBuilder(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            switch (c) {
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\u301D', '\u301E', '\uFF02' ->
                        out.append('"');
                case '\u060C', '\u061B', '\u061F', ',', ';', '?', '!', '(', ')', '[', ']', '{', '}', '\u00A0' ->
                        out.append(' ');
                case '\u2212', '\u2013' -> out.append('-');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Keeps inner punctuation (U.S., covid-19, 19%) and drops what only surrounds the word ("موسكو." "-" "...") */
    private static String trimPunctuation(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && !isWordChar(word.codePointAt(start))) {
            start += Character.charCount(word.codePointAt(start));
        }
        while (end > start && !isWordChar(word.codePointBefore(end))) {
            end -= Character.charCount(word.codePointBefore(end));
        }
        return word.substring(start, end);
    }

    private static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '%';
    }
}
