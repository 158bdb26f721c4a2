package io.akhbar.arabic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits ORIGINAL text into word tokens and sentences, keeping original offsets.
 *
 * <p>A token is a run of letters or digits, with the combining marks that follow them (tashkeel
 * is part of the word it decorates), tatweel, and ZWNJ/ZWJ/soft hyphen/bidi controls when they sit
 * inside the word. Arabic-script letters never share a token with Latin letters or digits, so
 * "CNBC:" and "بـCNN" and "2024م" split where a reader would. A number keeps inner separators
 * between digits (3.5, 2,000, ٣٫٥).
 *
 * <p>Sentences end at . ! ? ؟ ؛ ۔ … and at line breaks. A dot is no boundary in a decimal
 * number, after a single letter (initials, "د." for doctor) or a known Latin abbreviation, or
 * glued between letters (U.S, ص.ب) except between two Arabic words, which is how scraped text
 * loses its spaces ("شاركها.وفقا"). Closing quotes and brackets after the terminator stay with
 * the sentence, and terminators inside a quotation do not split it, unless the quotation is
 * never closed within the paragraph (journalists' quotes are often unbalanced or mix “ ” and ”).
 *
 * <p>Stateless and thread-safe.
 */
public final class ArabicTokenizer {

    private static final byte OTHER = 0;
    private static final byte AR_LETTER = 1;
    private static final byte LETTER = 2;
    private static final byte DIGIT = 3;
    private static final byte MARK = 4;
    /** Invisible chars that may sit inside a word but never start or end one. */
    private static final byte JOINER = 5;
    private static final byte SURROGATE = 6;

    private static final byte[] CLASS = new byte[0x10000];

    // What a char means to the sentence splitter; one lookup lets the common char through.
    private static final byte S_NONE = 0;
    private static final byte S_LINE_BREAK = 1;
    private static final byte S_QUOTE = 2;
    private static final byte S_TERMINATOR = 3;
    private static final byte[] SENTENCE_CLASS = new byte[0x10000];

    /** Longest quotation that may hold back sentence boundaries. */
    private static final int MAX_QUOTE = 800;

    private static final Set<String> LATIN_ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "inc", "ltd", "co", "corp",
            "no", "gen", "gov", "sen", "rep", "lt", "col", "sgt", "capt", "mt", "ft", "approx");

    static {
        for (int c = 0; c < 0x10000; c++) {
            CLASS[c] = classify(c);
            char ch = (char) c;
            SENTENCE_CLASS[c] = isLineBreak(ch) ? S_LINE_BREAK : QuoteMarks.isQuote(ch) ? S_QUOTE
                    : isTerminator(ch) ? S_TERMINATOR : S_NONE;
        }
    }

    private ArabicTokenizer() {
    }

    private static byte classify(int c) {
        if (Character.isSurrogate((char) c)) {
            return SURROGATE;
        }
        switch (c) {
            case 0x200C: case 0x200D: case 0x00AD: case 0x2060: case 0x200E: case 0x200F: case 0x061C:
            case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
            case 0x2066: case 0x2067: case 0x2068: case 0x2069:
                return JOINER;
            default:
                break;
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return MARK;
        }
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            return DIGIT;
        }
        if (Character.isLetter(c)) {
            return isArabicScript(c) ? AR_LETTER : LETTER;
        }
        return OTHER;
    }

    private static boolean isArabicScript(int c) {
        return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF)
                || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE)
                || (c >= 0x1EE00 && c <= 0x1EEFF);
    }

    private static byte classOf(int cp) {
        if (cp < 0x10000) {
            return CLASS[cp];
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return MARK;
        }
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            return DIGIT;
        }
        if (Character.isLetter(cp)) {
            return isArabicScript(cp) ? AR_LETTER : LETTER;
        }
        return OTHER;
    }

    private static int codePointAt(String text, int i, int limit) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < limit) {
            char d = text.charAt(i + 1);
            if (Character.isLowSurrogate(d)) {
                return Character.toCodePoint(c, d);
            }
        }
        return c;
    }

    static boolean isArabicLetter(char c) {
        return CLASS[c] == AR_LETTER;
    }

    /** Tokens of the whole text. */
    public static List<Token> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }

    /** Tokens of {@code text[from, to)} (e.g. a {@link Sentence}), with offsets in {@code text}. */
    public static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>(Math.max(8, (to - from) / 5));
        scan(text, from, to, (start, end) -> {
            String surface = text.substring(start, end);
            String normalized = ArabicNormalizer.normalize(surface);
            if (!normalized.isEmpty()) {
                tokens.add(new Token(surface, normalized, start, end));
            }
        });
        return tokens;
    }

    /**
     * The number of tokens {@link #tokenize(String, int, int)} would return, without allocating
     * them: word counts of texts too long to analyse in full.
     */
    public static int countTokens(String text, int from, int to) {
        int[] count = {0};
        scan(text, from, to, (start, end) -> {
            if (normalizesToSomething(text, start, end)) {
                count[0]++;
            }
        });
        return count[0];
    }

    private interface SpanSink {
        void accept(int start, int end);
    }

    /** The one definition of where tokens start and end, shared by tokenizing and counting. */
    private static void scan(String text, int from, int to, SpanSink sink) {
        if (from < 0 || to > text.length() || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + text.length());
        }
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            byte cls = CLASS[c];
            int width = 1;
            if (cls == SURROGATE) {
                int cp = codePointAt(text, i, to);
                width = Character.charCount(cp);
                cls = width == 2 ? classOf(cp) : OTHER;
            }
            if (cls != AR_LETTER && cls != LETTER && cls != DIGIT) {
                i += width;
                continue;
            }
            int end = tokenEnd(text, i, width, cls, to);
            sink.accept(i, end);
            i = end;
        }
    }

    /** Whether normalizing {@code text[start, end)} leaves at least one char (see tokenize). */
    private static boolean normalizesToSomething(String text, int start, int end) {
        for (int k = start; k < end; k++) {
            if (ArabicNormalizer.normalizeChar(text.charAt(k)) != ArabicNormalizer.DROPPED) {
                return true;
            }
        }
        return false;
    }

    private static int tokenEnd(String text, int start, int width, byte startClass, int to) {
        boolean arabic = startClass == AR_LETTER;
        boolean prevDigit = startClass == DIGIT;
        int j = start + width;
        int lastGood = j;
        while (j < to) {
            char c = text.charAt(j);
            byte cls = CLASS[c];
            int w = 1;
            if (cls == SURROGATE) {
                int cp = codePointAt(text, j, to);
                w = Character.charCount(cp);
                cls = w == 2 ? classOf(cp) : OTHER;
            }
            if (cls == AR_LETTER) {
                if (!arabic) {
                    break;
                }
                prevDigit = false;
                lastGood = j + w;
            } else if (cls == LETTER || cls == DIGIT) {
                if (arabic) {
                    break;
                }
                prevDigit = cls == DIGIT;
                lastGood = j + w;
            } else if (cls == MARK) {
                if (lastGood != j) {
                    break; // a mark after an invisible char belongs to nothing we know
                }
                lastGood = j + w;
            } else if (cls == JOINER) {
                // Tentatively inside the word; trimmed below if the word ends here.
            } else if (prevDigit && lastGood == j && isNumberSeparator(c) && j + 1 < to
                    && CLASS[text.charAt(j + 1)] == DIGIT) {
                prevDigit = false;
            } else {
                break;
            }
            j += w;
        }
        return lastGood;
    }

    private static boolean isNumberSeparator(char c) {
        return c == '.' || c == ',' || c == '\u066B' || c == '\u066C';
    }

    /** Sentences of the whole text, trimmed; sentences without any letter or digit are skipped. */
    public static List<Sentence> sentences(String text) {
        List<Sentence> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        boolean inQuote = false;
        int quoteStart = 0;
        int[] pending = new int[8];
        int pendingCount = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (inQuote && i - quoteStart > MAX_QUOTE) {
                start = flush(out, text, start, pending, pendingCount);
                pendingCount = 0;
                inQuote = false;
            }
            byte kind = SENTENCE_CLASS[c];
            if (kind == S_NONE) {
                continue;
            }
            if (kind == S_LINE_BREAK) {
                start = flush(out, text, start, pending, pendingCount);
                pendingCount = 0;
                inQuote = false;
                addSentence(out, text, start, i);
                start = i + 1;
                continue;
            }
            if (kind == S_QUOTE) {
                int role = QuoteMarks.role(text, i);
                if (role == QuoteMarks.OPEN || (role == QuoteMarks.TOGGLE && !inQuote)) {
                    if (!inQuote) {
                        inQuote = true;
                        quoteStart = i;
                    }
                } else if (inQuote) {
                    // Whatever was held back was inside the quotation.
                    inQuote = false;
                    pendingCount = 0;
                }
                continue;
            }
            if (c == '.' && !isSentenceDot(text, i)) {
                continue;
            }
            int j = i + 1;
            while (j < n) {
                char d = text.charAt(j);
                if (isTerminator(d) || isClosingBracket(d)) {
                    j++;
                } else if (QuoteMarks.isQuote(d) && QuoteMarks.role(text, j) != QuoteMarks.OPEN) {
                    if (inQuote) {
                        inQuote = false;
                        pendingCount = 0;
                    }
                    j++;
                } else {
                    break;
                }
            }
            boolean boundary = j == n || isSpace(text.charAt(j))
                    || (CLASS[text.charAt(j)] == AR_LETTER && arabicLettersBefore(text, i) >= 2);
            if (boundary) {
                if (inQuote) {
                    if (pendingCount == pending.length) {
                        pending = Arrays.copyOf(pending, pendingCount * 2);
                    }
                    pending[pendingCount++] = j;
                } else {
                    addSentence(out, text, start, j);
                    start = j;
                }
            }
            i = j - 1;
        }
        start = flush(out, text, start, pending, pendingCount);
        addSentence(out, text, start, n);
        return out;
    }

    private static int flush(List<Sentence> out, String text, int start, int[] pending, int count) {
        for (int k = 0; k < count; k++) {
            addSentence(out, text, start, pending[k]);
            start = pending[k];
        }
        return start;
    }

    private static void addSentence(List<Sentence> out, String text, int start, int end) {
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        for (int k = start; k < end; k++) {
            byte cls = CLASS[text.charAt(k)];
            if (cls == AR_LETTER || cls == LETTER || cls == DIGIT || cls == SURROGATE) {
                out.add(new Sentence(text.substring(start, end), start, end));
                return;
            }
        }
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    private static boolean isTerminator(char c) {
        switch (c) {
            case '.': case '!': case '?': case '\u061F': case '\u061B': case '\u06D4': case '\u2026':
            case '\u203C': case '\u2047': case '\u2048': case '\u2049': case '\u3002': case '\uFF01':
            case '\uFF1F':
                return true;
            default:
                return false;
        }
    }

    private static boolean isClosingBracket(char c) {
        return c == ')' || c == ']' || c == '}' || c == '\uFD3F';
    }

    /** Whether the '.' at {@code i} ends a sentence (decimals, initials and abbreviations do not). */
    private static boolean isSentenceDot(String text, int i) {
        int n = text.length();
        char prev = i > 0 ? text.charAt(i - 1) : ' ';
        char next = i + 1 < n ? text.charAt(i + 1) : ' ';
        byte prevCls = CLASS[prev];
        byte nextCls = CLASS[next];
        if (prevCls == DIGIT && nextCls == DIGIT) {
            return false;
        }
        if (next == '.' || next == '\u2026') {
            return true; // an ellipsis written as dots
        }
        if (nextCls == AR_LETTER || nextCls == LETTER || nextCls == DIGIT) {
            // Glued to the next word: only a lost space between two Arabic words is a boundary.
            return prevCls == AR_LETTER && nextCls == AR_LETTER && arabicLettersBefore(text, i) >= 2
                    && arabicLettersAfter(text, i + 1) >= 2;
        }
        int wordEnd = i;
        while (wordEnd > 0 && (prevCls == MARK || prevCls == JOINER)) {
            wordEnd--;
            prevCls = wordEnd > 0 ? CLASS[text.charAt(wordEnd - 1)] : OTHER;
        }
        if (prevCls == AR_LETTER) {
            return arabicLettersBefore(text, i) >= 2; // one letter: "د." (doctor), "هـ." (Hijri)
        }
        if (prevCls == LETTER) {
            int k = wordEnd;
            int letters = 0;
            while (k > 0) {
                byte cls = CLASS[text.charAt(k - 1)];
                if (cls == LETTER) {
                    letters++;
                } else if (cls != MARK && cls != JOINER) {
                    break;
                }
                k--;
            }
            if (letters == 1) {
                return false; // an initial: "U.S.", "J. Smith"
            }
            return !LATIN_ABBREVIATIONS.contains(text.substring(k, wordEnd).toLowerCase(Locale.ROOT));
        }
        return true;
    }

    /** Arabic letters of the word ending before {@code i}, not counting marks and tatweel. */
    private static int arabicLettersBefore(String text, int i) {
        int count = 0;
        for (int k = i - 1; k >= 0; k--) {
            char c = text.charAt(k);
            byte cls = CLASS[c];
            if (cls == AR_LETTER) {
                if (c != '\u0640') {
                    count++;
                }
            } else if (cls != MARK && cls != JOINER) {
                break;
            }
        }
        return count;
    }

    private static int arabicLettersAfter(String text, int i) {
        int count = 0;
        for (int k = i; k < text.length(); k++) {
            char c = text.charAt(k);
            byte cls = CLASS[c];
            if (cls == AR_LETTER) {
                if (c != '\u0640') {
                    count++;
                }
            } else if (cls != MARK && cls != JOINER) {
                break;
            }
        }
        return count;
    }
}
