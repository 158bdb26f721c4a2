package io.akhbar.arabic.quote;

/**
 * Quoted speech.
 *
 * @param text        the words inside the quotation marks, exactly {@code text.substring(start, end)}
 * @param start       offset of the first char in the original text
 * @param end         offset after the last char
 * @param speakerId   entity id of the speaker, null when nobody could be told
 * @param speakerName canonical Arabic name of the speaker, null with the id
 */
public record Quotation(String text, int start, int end, String speakerId, String speakerName) {
}
