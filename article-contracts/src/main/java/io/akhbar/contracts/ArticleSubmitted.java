package io.akhbar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * An article that ingest accepted and Kafka acknowledged; the record key is {@link #id()}.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written; readers accept older versions and ignore unknown fields
 * @param id            deterministic, see {@link ArticleIds}: re-submitting the same article yields the same id
 * @param title         given by the submitter, or derived from the first sentence of the body
 * @param body          the article text as submitted (never normalized: offsets downstream point into it)
 * @param url           canonical URL when the article has one
 * @param source        publisher or feed name, free text
 * @param language      ISO 639-1 code the submitter claimed, or null to let NLP detect it
 * @param publishedAt   publication time claimed by the source, or null
 * @param submittedAt   when ingest accepted it; the start of the end-to-end freshness clock
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleSubmitted(
        int schemaVersion,
        String id,
        String title,
        String body,
        String url,
        String source,
        String language,
        Instant publishedAt,
        Instant submittedAt) {

    public static final int SCHEMA_VERSION = 1;

    public ArticleSubmitted {
        Contracts.requireText(id, "id");
        Contracts.requireText(body, "body");
        Contracts.requireNonNull(submittedAt, "submittedAt");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1 but was " + schemaVersion);
        }
    }
}
