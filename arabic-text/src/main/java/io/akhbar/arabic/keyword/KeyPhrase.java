package io.akhbar.arabic.keyword;

/**
 * A key word or phrase of a text.
 *
 * @param text  the phrase as written in the text, without a glued conjunction or preposition
 *              («وقف إطلاق النار» from «لوقف إطلاق النار»)
 * @param score 0..1, the best phrase of the text scoring 1
 */
public record KeyPhrase(String text, double score) {
}
