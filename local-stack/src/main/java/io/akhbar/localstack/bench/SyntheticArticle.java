package io.akhbar.localstack.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One generated article: what a client submits to ingest, and the document search-service would index for it.
 *
 * @param summary     the first sentence of the body
 * @param fingerprint stands in for the NLP service's 64-bit SimHash in documents indexed directly: random, so no two
 *                    articles look like near-duplicates (they are not)
 */
record SyntheticArticle(long number, String title, String body, String summary, String url, String source,
                        Instant publishedAt, List<ArticleGenerator.Entity> entities, long fingerprint) {

    /** The body of {@code POST /api/v1/articles}, and one line of a batch. */
    String ingestJson() {
        StringBuilder json = new StringBuilder(body.length() + title.length() + 200);
        json.append("{\"title\":");
        JsonText.quote(title, json);
        json.append(",\"body\":");
        JsonText.quote(body, json);
        json.append(",\"url\":");
        JsonText.quote(url, json);
        json.append(",\"source\":");
        JsonText.quote(source, json);
        json.append(",\"publishedAt\":\"").append(publishedAt).append("\"}");
        return json.toString();
    }

    /**
     * The fields of search-service's {@code ArticleDocument} as the pipeline fills them.
     * {@link IndexDefinition#retainMapped} drops what a newer mapping no longer has.
     */
    Map<String, Object> document(String id, Instant submittedAt, Instant indexedAt) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", id);
        document.put("title", title);
        document.put("body", body);
        document.put("summary", summary);
        document.put("url", url);
        document.put("source", source);
        document.put("language", "ar");
        document.put("languageConfidence", 0.99);
        document.put("publishedAt", publishedAt.toString());
        document.put("submittedAt", submittedAt.toString());
        document.put("enrichedAt", submittedAt.toString());
        document.put("indexedAt", indexedAt.toString());
        document.put("date", publishedAt.toString());
        document.put("wordCount", wordCount());
        document.put("fingerprint", String.format("%016x", fingerprint));
        document.put("fingerprintBands", fingerprintBands(fingerprint));
        document.put("storyId", id);
        document.put("nlpVersion", "bench");
        List<Object> entityIds = new ArrayList<>();
        List<Object> entityDocuments = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            ArticleGenerator.Entity entity = entities.get(i);
            entityIds.add(entity.id());
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("id", entity.id());
            nested.put("type", entity.type());
            nested.put("nameAr", entity.nameAr());
            nested.put("nameEn", entity.nameEn());
            nested.put("names", List.of(entity.nameAr(), entity.nameEn().toLowerCase(Locale.ROOT)));
            nested.put("mentionCount", 1 + (int) ((number + i) % 4));
            nested.put("salience", 1.0 / (i + 1));
            entityDocuments.add(nested);
        }
        document.put("entityIds", entityIds);
        document.put("entities", entityDocuments);
        return document;
    }

    /** As search-service's {@code Fingerprint.bands}: four 16-bit bands, each prefixed with its number. */
    static List<String> fingerprintBands(long fingerprint) {
        List<String> bands = new ArrayList<>(4);
        for (int band = 0; band < 4; band++) {
            bands.add(band + ":" + String.format("%04x", (fingerprint >>> (16 * (3 - band))) & 0xFFFF));
        }
        return bands;
    }

    int wordCount() {
        return words(title) + words(body);
    }

    private static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetter(text.charAt(i));
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
        }
        return count;
    }
}
