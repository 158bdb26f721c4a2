package io.akhbar.search.entities;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.akhbar.search.indexing.ArticleIndex;
import io.akhbar.search.indexing.EntityDocument;
import io.akhbar.search.query.SearchUnavailableException;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Autocomplete: the gazetteer's entities whose name or alias starts with the prefix (Arabic or English, any
 * spelling), and entities of the indexed articles whose names or mention spellings do, each with how many articles
 * carry it; the most covered first. One search answers both the index side and the gazetteer side's counts.
 */
@Service
class EntitySuggestions {

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final EntityCatalog catalog;

    EntitySuggestions(ElasticsearchClient client, ArticleIndex index, EntityCatalog catalog) {
        this.client = client;
        this.index = index;
        this.catalog = catalog;
    }

    List<EntitySuggestion> complete(String prefix, int limit) {
        String normalized = EntityDocument.normalizeName(prefix);
        List<KnownEntity> known = catalog.complete(prefix, limit);
        Map<String, EntitySuggestion> suggestions = new LinkedHashMap<>();
        known.forEach(e -> suggestions.put(e.id(), new EntitySuggestion(e.id(), e.type(), e.nameAr(), e.nameEn(), 0)));
        Map<String, Long> counts = new HashMap<>();
        if (index.isCurrent()) {
            fromIndex(normalized, limit, known, suggestions, counts);
        }
        List<EntitySuggestion> all = new ArrayList<>();
        suggestions.values().forEach(s -> all.add(s.withArticles(counts.getOrDefault(s.id(), s.articles()))));
        // Stable: equal counts keep the gazetteer's order, then the index's.
        all.sort(Comparator.comparingLong(EntitySuggestion::articles).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }

    private void fromIndex(String prefix, int limit, List<KnownEntity> known, Map<String, EntitySuggestion> suggestions,
            Map<String, Long> counts) {
        List<FieldValue> knownIds = known.stream().map(e -> FieldValue.of(e.id())).toList();
        SearchResponse<Void> response;
        try {
            response = client.search(s -> {
                s.index(index.alias()).size(0)
                        .aggregations("entities", a -> a
                                .nested(n -> n.path("entities"))
                                .aggregations("named", named -> named
                                        .filter(f -> f.prefix(p -> p.field("entities.names").value(prefix)))
                                        .aggregations("ids", ids -> ids
                                                .terms(t -> t.field("entities.id").size(limit))
                                                .aggregations("type", t -> t.terms(tt -> tt.field("entities.type").size(1)))
                                                .aggregations("nameAr", t -> t.terms(tt -> tt.field("entities.nameAr").size(1)))
                                                .aggregations("nameEn", t -> t.terms(tt -> tt.field("entities.nameEn").size(1)))
                                                .aggregations("articles", r -> r.reverseNested(rn -> rn)))));
                if (!knownIds.isEmpty()) {
                    s.aggregations("known", a -> a.filter(f -> f.terms(t -> t.field("entityIds").terms(v -> v.value(knownIds))))
                            .aggregations("ids", ids -> ids.terms(t -> t.field("entityIds").size(knownIds.size())
                                    .include(i -> i.terms(known.stream().map(KnownEntity::id).toList())))));
                }
                return s;
            }, Void.class);
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return;
            }
            throw new SearchUnavailableException(e);
        } catch (IOException e) {
            throw new SearchUnavailableException(e);
        }
        var named = response.aggregations().get("entities").nested().aggregations().get("named").filter();
        for (StringTermsBucket bucket : named.aggregations().get("ids").sterms().buckets().array()) {
            String id = bucket.key().stringValue();
            long articles = bucket.aggregations().get("articles").reverseNested().docCount();
            counts.merge(id, articles, Math::max);
            suggestions.putIfAbsent(id, new EntitySuggestion(id, first(bucket, "type"), first(bucket, "nameAr"),
                    first(bucket, "nameEn"), articles));
        }
        if (response.aggregations().containsKey("known")) {
            response.aggregations().get("known").filter().aggregations().get("ids").sterms().buckets().array()
                    .forEach(b -> counts.merge(b.key().stringValue(), b.docCount(), Math::max));
        }
    }

    private static String first(StringTermsBucket bucket, String name) {
        var values = bucket.aggregations().get(name).sterms().buckets().array();
        return values.isEmpty() ? null : values.get(0).key().stringValue();
    }
}
