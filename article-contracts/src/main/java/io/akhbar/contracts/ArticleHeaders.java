package io.akhbar.contracts;

/** Kafka header names that travel with every article through all stages. */
public final class ArticleHeaders {

    /** Epoch millis at which ingest accepted the article; end-to-end freshness is measured from it. */
    public static final String INGESTED_AT = "akhbar-ingested-at";

    /** Correlates the logs of one article across the three services. */
    public static final String TRACE_ID = "akhbar-trace-id";

    private ArticleHeaders() {
    }
}
