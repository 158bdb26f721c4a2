package io.akhbar.arabic;

import java.util.List;
import java.util.Objects;

/**
 * A text with its tokens and sentences, computed once and shared by the analyses that read the
 * same text (entities, quotes, keywords, summary, fingerprint), so that none of them tokenizes
 * again. Offsets of tokens and sentences are offsets into {@link #text()}.
 *
 * @param text      the original text
 * @param tokens    {@link ArabicTokenizer#tokenize(String)} of the text
 * @param sentences {@link ArabicTokenizer#sentences(String)} of the text
 */
public record TokenizedText(String text, List<Token> tokens, List<Sentence> sentences) {

    private static final TokenizedText EMPTY = new TokenizedText("", List.of(), List.of());

    public TokenizedText {
        Objects.requireNonNull(text);
        tokens = List.copyOf(tokens);
        sentences = List.copyOf(sentences);
    }

    public static TokenizedText of(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        return new TokenizedText(text, ArabicTokenizer.tokenize(text), ArabicTokenizer.sentences(text));
    }

    public static TokenizedText empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /**
     * Index of the first token that starts at or after {@code offset} ({@code tokens().size()} when
     * there is none).
     */
    public int tokenIndexAt(int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
