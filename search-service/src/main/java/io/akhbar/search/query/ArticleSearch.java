package io.akhbar.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.akhbar.search.indexing.ArticleDocument;
import io.akhbar.search.indexing.ArticleIndex;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.List;

/**
 * Full-text search over the normalized title and body. The user's text only ever reaches Elasticsearch as the value
 * of match queries, never as query-string syntax.
 */
@Service
class ArticleSearch {

    private static final String[] NORMALIZED_FIELDS = {"titleNormalized", "bodyNormalized"};

    private final ElasticsearchClient client;
    private final QueryProperties properties;

    ArticleSearch(ElasticsearchClient client, QueryProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    SearchResult search(SearchRequest request) {
        SearchResponse<ArticleDocument> response;
        try {
            response = client.search(s -> s
                    .index(ArticleIndex.ALIAS)
                    .size(request.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .source(source -> source.filter(f -> f.excludes(List.of(NORMALIZED_FIELDS))))
                    .query(q -> q.bool(b -> b
                            .must(m -> m.multiMatch(mm -> mm
                                    .query(request.normalizedQuery())
                                    .fields("titleNormalized^2", "bodyNormalized")
                                    .type(TextQueryType.CrossFields)
                                    .operator(Operator.And)))
                            .should(sh -> sh.matchPhrase(mp -> mp
                                    .field("bodyNormalized").query(request.normalizedQuery()).boost(2f)))
                            .should(sh -> sh.matchPhrase(mp -> mp
                                    .field("titleNormalized").query(request.normalizedQuery()).boost(3f)))))
                    .highlight(h -> h
                            .preTags("<mark>").postTags("</mark>")
                            .encoder(co.elastic.clients.elasticsearch.core.search.HighlighterEncoder.Html)
                            .fields("body", f -> f
                                    .highlightQuery(hq -> hq.match(m -> m.field("body").query(request.query())))
                                    .fragmentSize(properties.snippetLength())
                                    .numberOfFragments(1)
                                    .noMatchSize(properties.snippetLength()))),
                    ArticleDocument.class);
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return new SearchResult(0, List.of());
            }
            throw new SearchUnavailableException(e);
        } catch (IOException e) {
            throw new SearchUnavailableException(e);
        }
        long total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
        return new SearchResult(total, response.hits().hits().stream().map(this::toHit).toList());
    }

    ArticleDocument get(String id) {
        GetResponse<ArticleDocument> response;
        try {
            response = client.get(g -> g.index(ArticleIndex.ALIAS).id(id)
                    .sourceExcludes(List.of(NORMALIZED_FIELDS)), ArticleDocument.class);
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                throw new ArticleNotFoundException(id);
            }
            throw new SearchUnavailableException(e);
        } catch (IOException e) {
            throw new SearchUnavailableException(e);
        }
        if (!response.found() || response.source() == null) {
            throw new ArticleNotFoundException(id);
        }
        return response.source();
    }

    private SearchResult.Hit toHit(Hit<ArticleDocument> hit) {
        ArticleDocument article = hit.source();
        List<String> fragments = hit.highlight().getOrDefault("body", List.of());
        String snippet = fragments.isEmpty() ? escapedStart(article.body()) : fragments.get(0);
        return new SearchResult.Hit(article.id(), article.title(), snippet, article.source(), article.publishedAt(),
                article.language(), hit.score() == null ? 0 : hit.score());
    }

    /** Snippets are HTML (they carry marks), so a snippet without marks must be escaped the same way. */
    private String escapedStart(String body) {
        String start = body.length() <= properties.snippetLength() ? body : body.substring(0, properties.snippetLength());
        return org.springframework.web.util.HtmlUtils.htmlEscape(start);
    }
}
