package io.akhbar.ingest.submission;

/**
 * What a client may send as JSON. Every field but {@code body} is optional; {@code publishedAt} is kept as text so
 * that a bad date gets an error that names it.
 */
public record ArticleSubmission(String title, String body, String url, String source, String language,
                                String publishedAt) {

    static ArticleSubmission plainText(String text) {
        return new ArticleSubmission(null, text, null, null, null, null);
    }
}
