package io.akhbar.search.entities;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FilterAggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.ObjectBuilder;
import io.akhbar.search.indexing.ArticleIndex;
import io.akhbar.search.query.Parameters.DateRange;
import io.akhbar.search.query.SearchUnavailableException;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Articles and mentions per day for one entity: a date histogram with the mention counts summed per day. */
@Service
class EntityTimelines {

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final EntityCatalog catalog;

    EntityTimelines(ElasticsearchClient client, ArticleIndex index, EntityCatalog catalog) {
        this.client = client;
        this.index = index;
        this.catalog = catalog;
    }

    /** @return empty when neither the index nor the gazetteer knows the entity */
    Optional<EntityTimeline> of(String id, DateRange range) {
        SearchResponse<Void> response;
        try {
            response = client.search(s -> s
                    .index(index.alias())
                    .size(0)
                    .query(q -> q.bool(b -> {
                        b.filter(f -> f.term(t -> t.field("entityIds").value(id)));
                        if (range.from() != null || range.to() != null) {
                            b.filter(f -> f.range(r -> r.untyped(u -> {
                                u.field("date");
                                if (range.from() != null) {
                                    u.gte(JsonData.of(range.from().toString()));
                                }
                                if (range.to() != null) {
                                    u.lt(JsonData.of(range.to().toString()));
                                }
                                return u;
                            })));
                        }
                        return b;
                    }))
                    .aggregations("days", a -> a
                            .dateHistogram(d -> d.field("date").calendarInterval(CalendarInterval.Day)
                                    .format("yyyy-MM-dd").minDocCount(0))
                            .aggregations("entities", mentionsOf(id)))
                    .aggregations("entity", mentionsOf(id)),
                    Void.class);
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return known(id);
            }
            throw new SearchUnavailableException(e);
        } catch (IOException e) {
            throw new SearchUnavailableException(e);
        }
        FilterAggregate entity = response.aggregations().get("entity").nested().aggregations().get("this").filter();
        if (entity.docCount() == 0) {
            return known(id);
        }
        List<EntityTimeline.Day> days = response.aggregations().get("days").dateHistogram().buckets().array().stream()
                .map(day -> new EntityTimeline.Day(day.keyAsString(), day.docCount(), (long) day.aggregations()
                        .get("entities").nested().aggregations().get("this").filter().aggregations().get("mentions")
                        .sum().value()))
                .toList();
        return Optional.of(new EntityTimeline(new EntityTimeline.Entity(id, first(entity, "type"),
                first(entity, "nameAr"), first(entity, "nameEn")), days));
    }

    /** The entity's nested documents: its names and type, and its mentions summed. */
    private static Function<Aggregation.Builder, ObjectBuilder<Aggregation>> mentionsOf(String id) {
        return a -> a.nested(n -> n.path("entities"))
                .aggregations("this", f -> f
                        .filter(q -> q.term(t -> t.field("entities.id").value(id)))
                        .aggregations("mentions", m -> m.sum(sum -> sum.field("entities.mentionCount")))
                        .aggregations("type", t -> t.terms(tt -> tt.field("entities.type").size(1)))
                        .aggregations("nameAr", t -> t.terms(tt -> tt.field("entities.nameAr").size(1)))
                        .aggregations("nameEn", t -> t.terms(tt -> tt.field("entities.nameEn").size(1))));
    }

    private Optional<EntityTimeline> known(String id) {
        return catalog.byId(id)
                .map(e -> new EntityTimeline(new EntityTimeline.Entity(e.id(), e.type(), e.nameAr(), e.nameEn()),
                        List.of()));
    }

    private static String first(FilterAggregate entity, String name) {
        List<StringTermsBucket> values = entity.aggregations().get(name).sterms().buckets().array();
        return values.isEmpty() ? null : values.get(0).key().stringValue();
    }
}
