package io.akhbar.arabic.entity;

/**
 * Where an entity is mentioned: a span of the ORIGINAL text of a field. The span is the name as
 * written, without a glued conjunction or preposition (وبوتين → بوتين; للكرملين → كرملين, the
 * article's alef being unwritten), with the article when it is visible (بالكرملين → الكرملين).
 *
 * @param field   {@link EntityExtractor#TITLE} or {@link EntityExtractor#BODY}
 * @param start   offset of the first char (UTF-16 index)
 * @param end     offset after the last char
 * @param surface exactly {@code text.substring(start, end)}
 */
public record EntityMention(String field, int start, int end, String surface) {
}
