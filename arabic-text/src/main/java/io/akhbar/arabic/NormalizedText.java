package io.akhbar.arabic;

import static io.akhbar.arabic.NormalizationTable.K_COMBINING;
import static io.akhbar.arabic.NormalizationTable.K_JOIN_DROP;
import static io.akhbar.arabic.NormalizationTable.K_MARK_DROP;
import static io.akhbar.arabic.NormalizationTable.TABLE;

import java.util.Objects;

/**
 * A normalized text together with the way back to the original: every normalized char knows the
 * span of original chars it came from. Chars dropped inside a word (tashkeel, tatweel, ZWJ...)
 * belong to the span of the char before them, so that mapping the span of a normalized word back
 * yields the complete original word, marks included; dropped bidi controls belong to nothing. A
 * char produced by an expansion (the ligature ﻻ gives لا) maps to the whole expanded char.
 *
 * <p>Only the start of each span is stored (4 bytes per char, and nothing at all when
 * normalization changed no lengths); the end is the start's char plus the marks and joiners that
 * follow it in the original, found when asked for.
 *
 * <p>Immutable.
 */
public final class NormalizedText {

    private final String original;
    private final String text;
    /** Null when normalized index == original index. */
    private final int[] starts;

    NormalizedText(String original, String text, int[] starts) {
        this.original = Objects.requireNonNull(original);
        this.text = Objects.requireNonNull(text);
        this.starts = starts;
    }

    /** The original text. */
    public String original() {
        return original;
    }

    /** The normalized text. */
    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** True when every normalized char sits at the same index as its original char. */
    public boolean isIdentityMapping() {
        return starts == null;
    }

    /**
     * Original offset where the normalized char at {@code normIndex} starts; for
     * {@code normIndex == length()} the end of the last original span (so that empty spans at
     * the end stay empty).
     */
    public int originalStart(int normIndex) {
        Objects.checkIndex(normIndex, text.length() + 1);
        if (normIndex == text.length()) {
            return originalEnd(normIndex);
        }
        return starts == null ? normIndex : starts[normIndex];
    }

    /**
     * Original offset (exclusive) where a normalized span ending at {@code normEndExclusive}
     * ends, including any dropped marks, tatweel or joiners that followed its last char.
     */
    public int originalEnd(int normEndExclusive) {
        Objects.checkIndex(normEndExclusive, text.length() + 1);
        if (normEndExclusive == 0) {
            return text.isEmpty() ? 0 : originalStart(0);
        }
        int start = starts == null ? normEndExclusive - 1 : starts[normEndExclusive - 1];
        int n = original.length();
        int end = start + 1;
        if (end < n && Character.isHighSurrogate(original.charAt(start)) && Character.isLowSurrogate(original.charAt(end))) {
            end++;
        }
        // Whatever normalization folded into this char follows it: marks (dropped, or composed
        // by NFKC) and word-internal joiners.
        while (end < n) {
            char c = original.charAt(end);
            char v = TABLE[c];
            if (v == K_MARK_DROP || v == K_JOIN_DROP || v == K_COMBINING) {
                end++;
            } else if (Character.isHighSurrogate(c) && end + 1 < n
                    && NormalizationTable.supplementaryIsCombining(Character.codePointAt(original, end))) {
                end += 2;
            } else {
                break;
            }
        }
        return end;
    }

    /** The original surface form of the normalized span {@code [normStart, normEnd)}. */
    public String originalSubstring(int normStart, int normEnd) {
        if (normStart > normEnd) {
            throw new IndexOutOfBoundsException("start " + normStart + " > end " + normEnd);
        }
        if (normStart == normEnd) {
            return "";
        }
        return original.substring(originalStart(normStart), originalEnd(normEnd));
    }

    @Override
    public String toString() {
        return text;
    }
}
