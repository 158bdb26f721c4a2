package io.akhbar.ingest.submission;

/** A plain-text article has no title field: its first sentence, cut at a word boundary, serves as one. */
final class TitleDerivation {

    private TitleDerivation() {
    }

    static String firstSentence(String body, int maxLength) {
        String text = body.strip();
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '.' || c == '!' || c == '?' || c == '؟' || c == '؛') {
                end = i;
                break;
            }
        }
        String sentence = text.substring(0, end).strip();
        if (sentence.length() <= maxLength) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', maxLength);
        return (cut > maxLength / 2 ? sentence.substring(0, cut) : sentence.substring(0, maxLength)).strip() + "…";
    }
}
