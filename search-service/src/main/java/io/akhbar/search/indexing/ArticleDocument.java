package io.akhbar.search.indexing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.akhbar.arabic.ArabicNormalizer;
import io.akhbar.contracts.ArticleEnriched;
import io.akhbar.contracts.ArticleEnriched.Entity;
import io.akhbar.contracts.ArticleEnriched.Keyword;
import io.akhbar.contracts.ArticleEnriched.Quote;

import java.time.Instant;
import java.util.List;

/**
 * The Elasticsearch document of an article. The normalized copies let search match across hamza, yeh, teh marbuta
 * and diacritic variants with the shared Java normalizer, the same one that normalizes queries.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleDocument(
        String id,
        String title,
        String body,
        String titleNormalized,
        String bodyNormalized,
        String url,
        String source,
        String language,
        Double languageConfidence,
        Instant publishedAt,
        Instant submittedAt,
        Instant enrichedAt,
        Instant indexedAt,
        Integer wordCount,
        String summary,
        String fingerprint,
        String nlpVersion,
        List<Entity> entities,
        List<Keyword> keywords,
        List<Quote> quotes) {

    static ArticleDocument of(ArticleEnriched article, Instant indexedAt) {
        String title = article.title() == null ? "" : article.title();
        return new ArticleDocument(
                article.id(),
                title,
                article.body(),
                ArabicNormalizer.normalize(title),
                ArabicNormalizer.normalize(article.body()),
                article.url(),
                article.source(),
                article.language() == null ? null : article.language().code(),
                article.language() == null ? null : article.language().confidence(),
                article.publishedAt(),
                article.submittedAt(),
                article.enrichedAt(),
                indexedAt,
                article.wordCount(),
                article.summary(),
                article.fingerprint(),
                article.nlpVersion(),
                article.entities(),
                article.keywords(),
                article.quotes());
    }
}
