package io.akhbar.arabic;

/**
 * A sentence of an original text, without leading or trailing whitespace.
 *
 * @param text  exactly {@code original.substring(start, end)}
 * @param start offset of the first char in the original text
 * @param end   offset after the last char in the original text
 */
public record Sentence(String text, int start, int end) {

    public Sentence {
        if (start < 0 || end < start || text.length() != end - start) {
            throw new IllegalArgumentException("bad sentence span [" + start + ", " + end + ")");
        }
    }
}
