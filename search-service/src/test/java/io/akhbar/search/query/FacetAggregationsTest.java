package io.akhbar.search.query;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import io.akhbar.search.query.SearchResult.EntityBucket;
import io.akhbar.search.query.SearchResult.Facets;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FacetAggregationsTest {

    private final FacetAggregations facets = new FacetAggregations(QueryParserTest.CATALOG);

    @Test
    void entityFacetsCountTheFlatIdsOfOneTypeEach() {
        Map<String, Aggregation> aggregations = FacetAggregations.of(7);

        assertThat(aggregations.get("persons").terms().field()).isEqualTo("entityIds");
        assertThat(aggregations.get("persons").terms().size()).isEqualTo(7);
        assertThat(aggregations.get("persons").terms().include().regexp()).isEqualTo("person:.*");
        assertThat(aggregations.get("places").terms().include().regexp()).isEqualTo("location:.*");
        assertThat(aggregations.get("organizations").terms().include().regexp()).isEqualTo("organization:.*");
        assertThat(aggregations.values()).noneMatch(Aggregation::isNested);
    }

    @Test
    void namesComeFromTheGazetteerAndDiscoveredPersonsFromTheirIds() {
        Map<String, Aggregate> answer = new LinkedHashMap<>();
        answer.put("persons", terms("person:vladimir-putin", 3, "person:x-سيرغي كارلين", 1));
        answer.put("places", terms("location:us", 2));
        answer.put("organizations", terms());
        answer.put("sources", terms("agency-a", 2));
        answer.put("languages", terms("ar", 3));
        answer.put("days", Aggregate.of(a -> a.dateHistogram(h -> h.buckets(b -> b.array(List.of())))));

        Facets read = facets.read(answer);

        assertThat(read.persons()).containsExactly(
                new EntityBucket("person:vladimir-putin", "فلاديمير بوتين", "Vladimir Putin", 3),
                new EntityBucket("person:x-سيرغي كارلين", "سيرغي كارلين", null, 1));
        assertThat(read.places()).extracting(EntityBucket::nameEn).containsExactly("United States");
        assertThat(read.organizations()).isEmpty();
        assertThat(read.sources()).extracting(SearchResult.Bucket::value).containsExactly("agency-a");
    }

    private static Aggregate terms(Object... keysAndCounts) {
        List<StringTermsBucket> buckets = new java.util.ArrayList<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            String key = (String) keysAndCounts[i];
            long count = ((Number) keysAndCounts[i + 1]).longValue();
            buckets.add(StringTermsBucket.of(b -> b.key(key).docCount(count)));
        }
        return Aggregate.of(a -> a.sterms(t -> t.buckets(b -> b.array(buckets)).sumOtherDocCount(0L)));
    }
}
