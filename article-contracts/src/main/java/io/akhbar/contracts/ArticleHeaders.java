package io.akhbar.contracts;

import java.nio.charset.StandardCharsets;

/** Kafka header names that travel with every article through all stages. */
public final class ArticleHeaders {

    /** Epoch millis at which ingest accepted the article; end-to-end freshness is measured from it. */
    public static final String INGESTED_AT = "akhbar-ingested-at";

    /** Correlates the logs of one article across the three services. */
    public static final String TRACE_ID = "akhbar-trace-id";

    private ArticleHeaders() {
    }

    /**
     * A header's value as text, whichever way the Kafka client or the binder handed it over (raw bytes, or already
     * mapped to a String or number); null when absent or empty.
     */
    public static String text(Object value) {
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value == null ? null : value.toString();
        return text == null || text.isBlank() ? null : text.trim();
    }
}
