package io.akhbar.search.indexing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.akhbar.contracts.ArticleEnriched;
import io.akhbar.contracts.ArticleEnriched.Keyword;
import io.akhbar.contracts.ArticleEnriched.Quote;
import io.akhbar.search.stories.Fingerprint;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The Elasticsearch document of an article (index version 3). Title and body are analyzed inside Elasticsearch by the
 * project's plugin, so the document holds only the original text; everything derived ({@link #date},
 * {@link #fingerprintBands}, {@link #entityIds}, entity names) is recomputed from the rest by {@link #upgraded()}, so
 * that a copy into a newer index version needs nothing but the old {@code _source}.
 *
 * @param date             publishedAt, or submittedAt when the source gave no date: what sorting, date filters and
 *                         histograms use
 * @param fingerprintBands the four 16-bit bands of {@link #fingerprint}, to find near-duplicates with a terms query
 * @param storyId          the id of the first article of its near-duplicate group, or its own id
 * @param kafkaPartition   the partition of the enriched topic the indexer read the article from; with
 *                         {@link #kafkaOffset}, where the live stream stands in each partition
 * @param kafkaOffset      the record's offset in that partition
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleDocument(
        String id,
        String title,
        String body,
        String summary,
        String url,
        String source,
        String language,
        Double languageConfidence,
        Instant publishedAt,
        Instant submittedAt,
        Instant enrichedAt,
        Instant indexedAt,
        Integer kafkaPartition,
        Long kafkaOffset,
        Instant date,
        Integer wordCount,
        String fingerprint,
        List<String> fingerprintBands,
        String storyId,
        String nlpVersion,
        List<String> entityIds,
        List<EntityDocument> entities,
        List<Keyword> keywords,
        List<Quote> quotes) {

    static ArticleDocument of(ArticleEnriched article, Instant indexedAt, Integer kafkaPartition, Long kafkaOffset) {
        return new ArticleDocument(
                article.id(),
                article.title() == null ? "" : article.title(),
                article.body(),
                article.summary(),
                article.url(),
                article.source(),
                article.language() == null ? null : article.language().code(),
                article.language() == null ? null : article.language().confidence(),
                article.publishedAt(),
                article.submittedAt(),
                article.enrichedAt(),
                indexedAt,
                kafkaPartition,
                kafkaOffset,
                null,
                article.wordCount(),
                article.fingerprint(),
                null,
                null,
                article.nlpVersion(),
                null,
                article.entities().stream().map(EntityDocument::of).toList(),
                article.keywords(),
                article.quotes()).upgraded();
    }

    /** The same article with every derived field computed from the others; the story id is kept. */
    ArticleDocument upgraded() {
        List<EntityDocument> upgradedEntities = entities == null ? List.of() : entities.stream()
                .map(EntityDocument::withNames)
                .sorted(Comparator.comparingDouble(EntityDocument::salience).reversed())
                .toList();
        return new ArticleDocument(id, title == null ? "" : title, body, summary, url, source, language,
                languageConfidence, publishedAt, submittedAt, enrichedAt, indexedAt, kafkaPartition, kafkaOffset,
                publishedAt != null ? publishedAt : submittedAt,
                wordCount, fingerprint, Fingerprint.bands(fingerprint), storyId, nlpVersion,
                upgradedEntities.stream().map(EntityDocument::id).distinct().toList(),
                upgradedEntities, keywords, quotes);
    }

    ArticleDocument withStoryId(String story) {
        return new ArticleDocument(id, title, body, summary, url, source, language, languageConfidence, publishedAt,
                submittedAt, enrichedAt, indexedAt, kafkaPartition, kafkaOffset, date, wordCount, fingerprint,
                fingerprintBands, story, nlpVersion, entityIds, entities, keywords, quotes);
    }
}
