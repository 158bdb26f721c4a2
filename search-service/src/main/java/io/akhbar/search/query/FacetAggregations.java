package io.akhbar.search.query;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import io.akhbar.search.query.SearchResult.Bucket;
import io.akhbar.search.query.SearchResult.EntityBucket;
import io.akhbar.search.query.SearchResult.Facets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facets of a result set: top persons, places and organizations (nested entities, so that an entity's id, type
 * and names stay together), sources, languages and articles per day (UTC).
 */
final class FacetAggregations {

    private static final Map<String, String> ENTITY_FACETS = Map.of(
            "persons", "PERSON", "places", "LOCATION", "organizations", "ORGANIZATION");

    private FacetAggregations() {
    }

    static Map<String, Aggregation> of(int size) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        ENTITY_FACETS.forEach((name, type) -> aggregations.put(name, Aggregation.of(a -> a
                .nested(n -> n.path("entities"))
                .aggregations("ofType", ofType -> ofType
                        .filter(f -> f.term(t -> t.field("entities.type").value(type)))
                        .aggregations("ids", ids -> ids
                                .terms(t -> t.field("entities.id").size(size))
                                .aggregations("nameAr", n -> n.terms(t -> t.field("entities.nameAr").size(1)))
                                .aggregations("nameEn", n -> n.terms(t -> t.field("entities.nameEn").size(1)))
                                .aggregations("articles", r -> r.reverseNested(rn -> rn)))))));
        aggregations.put("sources", Aggregation.of(a -> a.terms(t -> t.field("source").size(size))));
        aggregations.put("languages", Aggregation.of(a -> a.terms(t -> t.field("language").size(size))));
        aggregations.put("days", Aggregation.of(a -> a.dateHistogram(d -> d
                .field("date").calendarInterval(CalendarInterval.Day).format("yyyy-MM-dd").minDocCount(1))));
        return aggregations;
    }

    static Facets read(Map<String, Aggregate> aggregations) {
        if (aggregations == null || aggregations.isEmpty()) {
            return Facets.NONE;
        }
        return new Facets(entities(aggregations.get("persons")), entities(aggregations.get("places")),
                entities(aggregations.get("organizations")), terms(aggregations.get("sources")),
                terms(aggregations.get("languages")), days(aggregations.get("days")));
    }

    private static List<EntityBucket> entities(Aggregate nested) {
        return nested.nested().aggregations().get("ofType").filter().aggregations().get("ids").sterms().buckets()
                .array().stream()
                .map(bucket -> new EntityBucket(bucket.key().stringValue(), first(bucket, "nameAr"),
                        first(bucket, "nameEn"), bucket.aggregations().get("articles").reverseNested().docCount()))
                .toList();
    }

    private static String first(StringTermsBucket bucket, String name) {
        var names = bucket.aggregations().get(name).sterms().buckets().array();
        return names.isEmpty() ? null : names.get(0).key().stringValue();
    }

    private static List<Bucket> terms(Aggregate terms) {
        return terms.sterms().buckets().array().stream()
                .map(bucket -> new Bucket(bucket.key().stringValue(), bucket.docCount()))
                .toList();
    }

    private static List<Bucket> days(Aggregate histogram) {
        return histogram.dateHistogram().buckets().array().stream()
                .map(bucket -> new Bucket(bucket.keyAsString(), bucket.docCount()))
                .toList();
    }
}
