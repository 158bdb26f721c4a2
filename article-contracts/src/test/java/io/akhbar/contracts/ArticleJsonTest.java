package io.akhbar.contracts;

import io.akhbar.contracts.ArticleEnriched.DetectedLanguage;
import io.akhbar.contracts.ArticleEnriched.Entity;
import io.akhbar.contracts.ArticleEnriched.EntityType;
import io.akhbar.contracts.ArticleEnriched.Mention;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wire format: what every service's JSON mapper must read and write. */
class ArticleJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void submittedRoundTripsWithIsoInstantsAndNoNulls() {
        var submitted = new ArticleSubmitted(1, "abc", "عنوان", "نص", null, "الشرق", null,
                Instant.parse("2026-01-22T10:15:30Z"), Instant.parse("2026-01-22T10:16:00Z"));

        String text = json.writeValueAsString(submitted);

        assertThat(text).contains("\"publishedAt\":\"2026-01-22T10:15:30Z\"").doesNotContain("null").doesNotContain("\"url\"");
        assertThat(json.readValue(text, ArticleSubmitted.class)).isEqualTo(submitted);
    }

    @Test
    void newerWritersMayAddFields() {
        String text = """
                {"schemaVersion":2,"id":"abc","body":"نص","submittedAt":"2026-01-22T10:16:00Z","sentiment":"calm"}""";

        assertThat(json.readValue(text, ArticleSubmitted.class).schemaVersion()).isEqualTo(2);
    }

    @Test
    void recordsThatBreakTheContractAreRejectedOnRead() {
        assertThatThrownBy(() -> json.readValue("{\"schemaVersion\":1,\"id\":\"abc\",\"body\":\" \",\"submittedAt\":\"2026-01-22T10:16:00Z\"}",
                ArticleSubmitted.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("body must not be blank");
    }

    @Test
    void enrichedRoundTripsWithEntities() {
        var putin = new Entity("person:vladimir-putin", EntityType.PERSON, "فلاديمير بوتين", "Vladimir Putin",
                List.of(new Mention("body", 10, 15, "بوتين")), 1, 0.8);
        var enriched = new ArticleEnriched(1, "abc", "عنوان", "نص", null, null, null,
                Instant.parse("2026-01-22T10:16:00Z"), Instant.parse("2026-01-22T10:16:01Z"),
                new DetectedLanguage("ar", 0.99), 2, List.of(putin), null, null, null, null, "test", 12L);

        ArticleEnriched read = json.readValue(json.writeValueAsString(enriched), ArticleEnriched.class);

        assertThat(read).isEqualTo(enriched);
        assertThat(read.quotes()).isEmpty();
    }
}
