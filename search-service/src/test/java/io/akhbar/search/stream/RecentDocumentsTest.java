package io.akhbar.search.stream;

import io.akhbar.search.indexing.ArticleDocument;
import io.akhbar.search.indexing.WrittenDocuments.Written;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RecentDocumentsTest {

    private static final Instant AT = Instant.parse("2026-01-22T10:16:00Z");

    private final RecentDocuments recent = new RecentDocuments(new StreamProperties(Duration.ofMillis(500),
            Duration.ofSeconds(10), Duration.ofSeconds(15), 10, 10, 10, Duration.ofMinutes(1), 1, 1, 500,
            DataSize.ofKilobytes(64)));

    @Test
    void keepsNothingWhileNobodyStreams() {
        recent.written(List.of(written("articles-v3", "a", 7, AT)));

        assertThat(recent.get("articles-v3", "a", 7)).isNull();
        assertThat(recent.size()).isZero();
    }

    @Test
    void findsExactlyTheVersionWrittenThere() {
        recent.want(true);
        recent.written(List.of(written("articles-v3", "a", 7, AT), written("articles-v3", "b", 8, AT)));

        assertThat(recent.get("articles-v3", "a", 7).id()).isEqualTo("a");
        // Another version of it, or the same id in another index behind the alias, is not what the look saw.
        assertThat(recent.get("articles-v3", "a", 9)).isNull();
        assertThat(recent.get("articles-v4", "a", 7)).isNull();
        // Kept as a hit needs it, not whole.
        assertThat(recent.get("articles-v3", "b", 8).body()).isNull();
        assertThat(recent.get("articles-v3", "b", 8).title()).isEqualTo("عنوان b");
    }

    @Test
    void forgetsWhatTheWatcherHasSeen() {
        recent.want(true);
        recent.written(List.of(written("i", "a", 1, AT), written("i", "b", 2, AT)));

        recent.seen(List.of(new Indexed("i", new StreamCursor(AT.toEpochMilli(), 1, "a"), null, null)));

        assertThat(recent.get("i", "a", 1)).isNull();
        assertThat(recent.get("i", "b", 2)).isNotNull();
    }

    @Test
    void forgetsWhatIsOlderThanTheLookBackWindow() {
        recent.want(true);
        recent.written(List.of(written("i", "old", 1, AT)));
        recent.written(List.of(written("i", "recent", 2, AT.plusSeconds(9))));
        assertThat(recent.get("i", "old", 1)).isNotNull();

        recent.written(List.of(written("i", "new", 3, AT.plusSeconds(11))));

        assertThat(recent.get("i", "old", 1)).isNull();
        assertThat(recent.get("i", "recent", 2)).isNotNull();
        assertThat(recent.get("i", "new", 3)).isNotNull();
    }

    @Test
    void holdsAtMostItsCapacityDroppingTheOldest() {
        recent.want(true);
        int beyond = RecentDocuments.MAX_DOCUMENTS + 5;
        recent.written(IntStream.range(0, beyond).mapToObj(i -> written("i", "a" + i, i, AT)).toList());

        assertThat(recent.size()).isEqualTo(RecentDocuments.MAX_DOCUMENTS);
        assertThat(recent.get("i", "a4", 4)).isNull();
        assertThat(recent.get("i", "a5", 5)).isNotNull();
    }

    @Test
    void forgetsEverythingWhenTheLastStreamCloses() {
        recent.want(true);
        recent.written(List.of(written("i", "a", 1, AT)));

        recent.want(false);
        recent.want(true);

        assertThat(recent.size()).isZero();
    }

    private static Written written(String index, String id, long seqNo, Instant indexedAt) {
        return new Written(index, seqNo, new ArticleDocument(id, "عنوان " + id, "نص", "ملخص", null, "مثال", "ar",
                0.9, indexedAt, indexedAt, indexedAt, indexedAt, 0, seqNo, indexedAt, 2, "ff", List.of("0:00ff"),
                id, "nlp-1", List.of(), List.of(), null, null));
    }
}
