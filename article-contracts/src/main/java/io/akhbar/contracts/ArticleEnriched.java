package io.akhbar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * An article after NLP, ready to index. Topic {@code articles.enriched}, record key = {@link #id()}.
 * Everything of {@link ArticleSubmitted} is carried over so that the indexer needs no other source.
 *
 * @param language         detected language, or the submitter's claim when detection was not confident
 * @param wordCount        number of word tokens in title and body
 * @param entities         people, places and organisations, each with every mention's offsets in the original text
 * @param quotes           quoted speech with the speaker it is attributed to
 * @param keywords         key words and phrases, best first
 * @param summary          one or two sentences taken from the body
 * @param fingerprint      near-duplicate fingerprint of the normalized body (hex), equal or close for copies of one story
 * @param nlpVersion       version of the enrichment that produced this record
 * @param processingMicros time spent enriching, for ops
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleEnriched(
        int schemaVersion,
        String id,
        String title,
        String body,
        String url,
        String source,
        Instant publishedAt,
        Instant submittedAt,
        Instant enrichedAt,
        DetectedLanguage language,
        Integer wordCount,
        List<Entity> entities,
        List<Quote> quotes,
        List<Keyword> keywords,
        String summary,
        String fingerprint,
        String nlpVersion,
        Long processingMicros) {

    public static final int SCHEMA_VERSION = 1;

    public ArticleEnriched {
        Contracts.requireText(id, "id");
        Contracts.requireText(body, "body");
        Contracts.requireNonNull(submittedAt, "submittedAt");
        Contracts.requireNonNull(enrichedAt, "enrichedAt");
        entities = entities == null ? List.of() : List.copyOf(entities);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        // Boxed so that a writer that predates a field can leave it out; readers see 0, not null.
        wordCount = wordCount == null ? 0 : wordCount;
        processingMicros = processingMicros == null ? 0 : processingMicros;
    }

    /** @param code ISO 639-1 code, or {@code und} when no language could be told */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DetectedLanguage(String code, double confidence) {
        public DetectedLanguage {
            Contracts.requireText(code, "language.code");
        }
    }

    /**
     * @param id       stable canonical id, e.g. {@code person:vladimir-putin}; the same for every spelling
     * @param nameAr   canonical Arabic name
     * @param nameEn   English name, for cross-lingual search
     * @param salience 0..1, how central the entity is to the article
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entity(
            String id, EntityType type, String nameAr, String nameEn,
            List<Mention> mentions, int mentionCount, double salience) {
        public Entity {
            Contracts.requireText(id, "entity.id");
            Contracts.requireNonNull(type, "entity.type");
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
        }
    }

    public enum EntityType { PERSON, LOCATION, ORGANIZATION }

    /**
     * A span of the original, un-normalized text.
     *
     * @param field {@code title} or {@code body}
     * @param start offset of the first char (UTF-16 index)
     * @param end   offset after the last char
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mention(String field, int start, int end, String surface) {
    }

    /** @param speakerId the {@link Entity#id()} the quote is attributed to, or null when nobody could be found */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Quote(String text, int start, int end, String speakerId, String speakerName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Keyword(String text, double score) {
    }
}
