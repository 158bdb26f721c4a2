package io.akhbar.search.related;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.akhbar.search.indexing.ArticleDocument;
import io.akhbar.search.indexing.ArticleIndex;
import io.akhbar.search.query.NotFoundException;
import io.akhbar.search.query.SearchUnavailableException;
import io.akhbar.search.related.RelatedResult.Related;
import io.akhbar.search.related.RelatedResult.Relation;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Same story first, then similar: both searches go in one msearch. Similar is more_like_this over the article's
 * title and body (analyzed by the index's Arabic analyzer, so inflected forms count as one term) plus a bonus per
 * shared entity, leaving out the story already listed.
 */
@Service
class RelatedArticles {

    /** Enough text to find the distinctive terms without sending a whole long article back. */
    private static final int LIKE_TEXT_LENGTH = 4000;
    private static final List<String> SHOWN_FIELDS = List.of("id", "title", "source", "url", "publishedAt", "language");

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    RelatedArticles(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    RelatedResult of(String id, int size) {
        try {
            ArticleDocument article = article(id);
            String story = article.storyId() == null ? article.id() : article.storyId();
            MsearchResponse<ArticleDocument> response = client.msearch(m -> m
                    .index(index.alias())
                    .searches(s -> s.header(h -> h).body(b -> b
                            .size(size)
                            .source(src -> src.filter(f -> f.includes(SHOWN_FIELDS)))
                            .query(q -> q.bool(bool -> bool
                                    .filter(f -> f.term(t -> t.field("storyId").value(story)))
                                    .mustNot(n -> n.ids(i -> i.values(id)))))
                            .sort(so -> so.field(f -> f.field("date").order(SortOrder.Desc)))))
                    .searches(s -> s.header(h -> h).body(b -> b
                            .size(size)
                            .source(src -> src.filter(f -> f.includes(SHOWN_FIELDS)))
                            .query(similarTo(article, story)))),
                    ArticleDocument.class);
            List<Related> related = new ArrayList<>();
            add(related, response.responses().get(0), Relation.SAME_STORY, size);
            add(related, response.responses().get(1), Relation.SIMILAR, size);
            return new RelatedResult(id, story, related);
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                throw NotFoundException.article(id);
            }
            throw new SearchUnavailableException(e);
        } catch (IOException e) {
            throw new SearchUnavailableException(e);
        }
    }

    private ArticleDocument article(String id) throws IOException {
        GetResponse<ArticleDocument> response = client.get(g -> g.index(index.alias()).id(id)
                .sourceIncludes(List.of("id", "title", "body", "storyId", "entityIds")), ArticleDocument.class);
        if (!response.found() || response.source() == null) {
            throw NotFoundException.article(id);
        }
        return response.source();
    }

    private static Query similarTo(ArticleDocument article, String story) {
        String body = article.body() == null ? "" : article.body();
        String text = (article.title() == null ? "" : article.title()) + "\n"
                + body.substring(0, Math.min(body.length(), LIKE_TEXT_LENGTH));
        List<FieldValue> entities = article.entityIds() == null ? List.of()
                : article.entityIds().stream().map(FieldValue::of).toList();
        return Query.of(q -> q.bool(b -> {
            b.must(m -> m.moreLikeThis(mlt -> mlt
                    .fields("title", "body")
                    .like(l -> l.text(text))
                    .minTermFreq(1)
                    .minDocFreq(1)
                    .maxQueryTerms(40)
                    .minimumShouldMatch("20%")));
            entities.forEach(entity -> b.should(s -> s.term(t -> t.field("entityIds").value(entity))));
            b.mustNot(n -> n.ids(i -> i.values(article.id())));
            b.mustNot(n -> n.term(t -> t.field("storyId").value(story)));
            return b;
        }));
    }

    private static void add(List<Related> related, MultiSearchResponseItem<ArticleDocument> item, Relation relation,
            int size) throws IOException {
        if (item.isFailure()) {
            throw new IOException("related search failed: " + item.failure().error().reason());
        }
        for (Hit<ArticleDocument> hit : item.result().hits().hits()) {
            if (related.size() >= size) {
                return;
            }
            ArticleDocument a = hit.source();
            double score = relation == Relation.SIMILAR && hit.score() != null ? hit.score() : 0;
            related.add(new Related(a.id(), a.title(), a.source(), a.url(), a.publishedAt(), a.language(), relation,
                    score));
        }
    }
}
