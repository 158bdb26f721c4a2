package io.akhbar.search.query;

import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import io.akhbar.search.indexing.ArticleDocument;
import io.akhbar.search.indexing.EntityDocument;
import io.akhbar.search.stories.StorySources;
import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Map;

/**
 * What a search asks Elasticsearch for each hit (the source without the heavy fields, highlights) and how it becomes
 * a {@link SearchResult.Hit}; shared by the search and the live stream, so that both return one shape.
 */
final class HitShape {

    private static final List<String> HIDDEN_FIELDS = List.of(
            "body", "fingerprintBands", "entities.names", "entities.mentions", "keywords", "quotes");
    private static final int HIT_ENTITIES = 10;

    static final SourceConfig SOURCE = SourceConfig.of(source -> source.filter(f -> f.excludes(HIDDEN_FIELDS)));

    private HitShape() {
    }

    static Highlight highlight(QueryProperties properties) {
        return Highlight.of(h -> h
                .encoder(HighlighterEncoder.Html)
                .preTags("<mark>").postTags("</mark>")
                .fields("title", f -> f.numberOfFragments(0))
                .fields("body", f -> f
                        .fragmentSize(properties.snippetLength())
                        .numberOfFragments(properties.snippets())
                        .noMatchSize(properties.snippetLength())));
    }

    static SearchResult.Hit hit(Hit<ArticleDocument> hit, Map<String, StorySources> storySources) {
        return hit(hit.source(), hit.highlight(), hit.score(), storySources);
    }

    /**
     * @param article   the document, or no more of it than {@link #slim} keeps
     * @param highlight by field, as Elasticsearch returns it; empty for none
     * @param score     null, or NaN as Elasticsearch gives it, when the hits were sorted by something else: 0 then
     *                  (JSON has no NaN, and the stream's events came out with the string "NaN")
     */
    static SearchResult.Hit hit(ArticleDocument article, Map<String, List<String>> highlight, Double score,
            Map<String, StorySources> storySources) {
        List<String> snippets = highlight.getOrDefault("body", List.of());
        if (snippets.isEmpty() && article.summary() != null && !article.summary().isBlank()) {
            snippets = List.of(HtmlUtils.htmlEscape(article.summary()));
        }
        List<String> titles = highlight.getOrDefault("title", List.of());
        StorySources story = storySources.getOrDefault(article.storyId(), StorySources.NONE);
        List<SearchResult.HitEntity> entities = article.entities() == null ? List.of() : article.entities().stream()
                .limit(HIT_ENTITIES)
                .map(HitShape::hitEntity)
                .toList();
        String title = article.title() == null ? "" : article.title();
        return new SearchResult.Hit(article.id(), title,
                titles.isEmpty() ? HtmlUtils.htmlEscape(title) : titles.get(0),
                snippets.isEmpty() ? "" : snippets.get(0), snippets, article.source(), article.url(),
                article.publishedAt(), article.language(), score == null || score.isNaN() ? 0 : score, entities,
                article.storyId(), story.articles(), story.otherThan(article.source()));
    }

    /**
     * Only what {@link #hit} reads, with where the document stands ({@code indexedAt}, its Kafka partition and
     * offset): the same hit from a fraction of the memory.
     */
    static ArticleDocument slim(ArticleDocument d) {
        List<EntityDocument> entities = d.entities() == null ? null : d.entities().stream()
                .limit(HIT_ENTITIES)
                .map(e -> new EntityDocument(e.id(), e.type(), e.nameAr(), e.nameEn(), null, e.mentionCount(),
                        e.salience(), null))
                .toList();
        return new ArticleDocument(d.id(), d.title(), null, d.summary(), d.url(), d.source(), d.language(), null,
                d.publishedAt(), null, null, d.indexedAt(), d.kafkaPartition(), d.kafkaOffset(), null, null, null,
                null, d.storyId(), null, null, entities, null, null);
    }

    private static SearchResult.HitEntity hitEntity(EntityDocument entity) {
        return new SearchResult.HitEntity(entity.id(), entity.type(), entity.nameAr(), entity.nameEn(),
                entity.mentionCount(), entity.salience());
    }
}
