package io.akhbar.search.query;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import io.akhbar.arabic.entity.ExtractedEntity;
import io.akhbar.search.entities.EntityCatalog;
import io.akhbar.search.query.SearchResult.Bucket;
import io.akhbar.search.query.SearchResult.EntityBucket;
import io.akhbar.search.query.SearchResult.Facets;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facets of a result set: top persons, places and organizations, sources, languages and articles per day (UTC).
 *
 * <p>Entity facets count the flat {@code entityIds} field, whose ids start with their type, and take names from the
 * gazetteer: a terms aggregation on a keyword field costs a fraction of a nested one with names and a reverse-nested
 * article count under every bucket, and counts articles directly.
 */
@Component
class FacetAggregations {

    private static final Map<String, String> ENTITY_FACETS = Map.of(
            "persons", "person:", "places", "location:", "organizations", "organization:");

    private final EntityCatalog catalog;

    FacetAggregations(EntityCatalog catalog) {
        this.catalog = catalog;
    }

    static Map<String, Aggregation> of(int size) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        ENTITY_FACETS.forEach((name, prefix) -> aggregations.put(name, Aggregation.of(a -> a
                .terms(t -> t.field("entityIds").size(size).include(i -> i.regexp(prefix + ".*"))))));
        aggregations.put("sources", Aggregation.of(a -> a.terms(t -> t.field("source").size(size))));
        aggregations.put("languages", Aggregation.of(a -> a.terms(t -> t.field("language").size(size))));
        aggregations.put("days", Aggregation.of(a -> a.dateHistogram(d -> d
                .field("date").calendarInterval(CalendarInterval.Day).format("yyyy-MM-dd").minDocCount(1))));
        return aggregations;
    }

    Facets read(Map<String, Aggregate> aggregations) {
        if (aggregations == null || aggregations.isEmpty()) {
            return Facets.NONE;
        }
        return new Facets(entities(aggregations.get("persons")), entities(aggregations.get("places")),
                entities(aggregations.get("organizations")), terms(aggregations.get("sources")),
                terms(aggregations.get("languages")), days(aggregations.get("days")));
    }

    private List<EntityBucket> entities(Aggregate terms) {
        return terms.sterms().buckets().array().stream()
                .map(bucket -> entity(bucket.key().stringValue(), bucket.docCount()))
                .toList();
    }

    /** A person the extractor discovered from context carries the name in its id: {@code person:x-<name>}. */
    private EntityBucket entity(String id, long articles) {
        return catalog.byId(id)
                .map(known -> new EntityBucket(id, known.nameAr(), known.nameEn(), articles))
                .orElseGet(() -> new EntityBucket(id, id.startsWith(ExtractedEntity.DISCOVERED_PERSON_PREFIX)
                        ? id.substring(ExtractedEntity.DISCOVERED_PERSON_PREFIX.length()) : null, null, articles));
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
