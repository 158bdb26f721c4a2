package io.akhbar.search.query;

import io.akhbar.contracts.ArticleEnriched.Keyword;
import io.akhbar.contracts.ArticleEnriched.Mention;
import io.akhbar.contracts.ArticleEnriched.Quote;
import io.akhbar.search.indexing.ArticleDocument;
import io.akhbar.search.indexing.EntityDocument;
import io.akhbar.search.stories.StorySources;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class HitShapeTest {

    private static final Instant AT = Instant.parse("2026-01-22T10:16:00Z");

    @Test
    void aSlimDocumentMakesTheSameHitAsTheWholeOne() {
        ArticleDocument whole = document(14);
        Map<String, StorySources> stories = Map.of("story-1", new StorySources(3, Set.of("مثال", "وكالة")));

        SearchResult.Hit fromWhole = HitShape.hit(whole, Map.of(), null, stories);
        SearchResult.Hit fromSlim = HitShape.hit(HitShape.slim(whole), Map.of(), null, stories);

        assertThat(fromSlim).isEqualTo(fromWhole);
        assertThat(fromWhole.entities()).hasSize(10);
        assertThat(fromWhole.snippet()).isEqualTo("ملخص &quot;الخبر&quot;");
        assertThat(fromWhole.otherSources()).isEqualTo(1);
    }

    @Test
    void aHitSortedByOtherThanScoreHasScoreZero() {
        assertThat(HitShape.hit(document(0), Map.of(), Double.NaN, Map.of()).score()).isZero();
        assertThat(HitShape.hit(document(0), Map.of(), null, Map.of()).score()).isZero();
        assertThat(HitShape.hit(document(0), Map.of(), 1.5, Map.of()).score()).isEqualTo(1.5);
    }

    @Test
    void aSlimDocumentKeepsOnlyWhatAHitReadsAndWhereTheDocumentStands() {
        ArticleDocument slim = HitShape.slim(document(14));

        assertThat(slim.body()).isNull();
        assertThat(slim.fingerprintBands()).isNull();
        assertThat(slim.entityIds()).isNull();
        assertThat(slim.fingerprint()).isNull();
        assertThat(slim.keywords()).isNull();
        assertThat(slim.quotes()).isNull();
        assertThat(slim.entities()).hasSize(10)
                .allSatisfy(entity -> assertThat(entity.names()).isNull())
                .allSatisfy(entity -> assertThat(entity.mentions()).isNull());
        assertThat(slim.indexedAt()).isEqualTo(AT);
        assertThat(slim.kafkaPartition()).isEqualTo(2);
        assertThat(slim.kafkaOffset()).isEqualTo(41L);
        assertThat(HitShape.slim(document(0)).entities()).isEmpty();
    }

    private static ArticleDocument document(int entities) {
        List<EntityDocument> all = IntStream.range(0, entities)
                .mapToObj(i -> new EntityDocument("person:p" + i, "PERSON", "شخص " + i, "Person " + i,
                        List.of("شخص " + i), i + 1, 1.0 - i / 100.0, List.of(new Mention("body", 0, 3, "شخص"))))
                .toList();
        return new ArticleDocument("a1", "عنوان <الخبر>", "نص طويل", "ملخص \"الخبر\"", "https://example.com/a1",
                "مثال", "ar", 0.99, AT, AT, AT, AT, 2, 41L, AT, 3, "0123456789abcdef",
                List.of("0:0123", "1:4567", "2:89ab", "3:cdef"), "story-1", "nlp-1",
                all.stream().map(EntityDocument::id).toList(), all, List.of(new Keyword("خبر", 0.5)),
                List.of(new Quote("قال", 0, 3, null, null)));
    }
}
