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
        ArticleDocument article = hit.source();
        List<String> snippets = hit.highlight().getOrDefault("body", List.of());
        if (snippets.isEmpty() && article.summary() != null && !article.summary().isBlank()) {
            snippets = List.of(HtmlUtils.htmlEscape(article.summary()));
        }
        List<String> titles = hit.highlight().getOrDefault("title", List.of());
        StorySources story = storySources.getOrDefault(article.storyId(), StorySources.NONE);
        List<SearchResult.HitEntity> entities = article.entities() == null ? List.of() : article.entities().stream()
                .limit(HIT_ENTITIES)
                .map(HitShape::hitEntity)
                .toList();
        String title = article.title() == null ? "" : article.title();
        return new SearchResult.Hit(article.id(), title,
                titles.isEmpty() ? HtmlUtils.htmlEscape(title) : titles.get(0),
                snippets.isEmpty() ? "" : snippets.get(0), snippets, article.source(), article.url(),
                article.publishedAt(), article.language(), hit.score() == null ? 0 : hit.score(), entities,
                article.storyId(), story.articles(), story.otherThan(article.source()));
    }

    private static SearchResult.HitEntity hitEntity(EntityDocument entity) {
        return new SearchResult.HitEntity(entity.id(), entity.type(), entity.nameAr(), entity.nameEn(),
                entity.mentionCount(), entity.salience());
    }
}
