package io.akhbar.nlp.enrichment;

import io.akhbar.contracts.ArticleEnriched;
import io.akhbar.contracts.ArticleSubmitted;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleEnricherTest {

    private static final Instant NOW = Instant.parse("2026-01-22T10:16:01Z");

    private final ArticleEnricher enricher = new ArticleEnricher(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void enrichesTheDavosSampleAsArabicAndCarriesEverythingOver() throws IOException {
        String body = Files.readString(Path.of("../samples/witkoff-kushner-moscow-davos.ar.txt"));
        var submitted = new ArticleSubmitted(1, "id-1", "ويتكوف وكوشنر إلى موسكو", body,
                "https://example.com/a", "مثال", null, Instant.parse("2026-01-22T09:00:00Z"),
                Instant.parse("2026-01-22T10:16:00Z"));

        ArticleEnriched enriched = enricher.enrich(submitted);

        assertThat(enriched.id()).isEqualTo("id-1");
        assertThat(enriched.body()).isEqualTo(body);
        assertThat(enriched.url()).isEqualTo("https://example.com/a");
        assertThat(enriched.submittedAt()).isEqualTo(submitted.submittedAt());
        assertThat(enriched.enrichedAt()).isEqualTo(NOW);
        assertThat(enriched.language().code()).isEqualTo("ar");
        assertThat(enriched.language().confidence()).isGreaterThan(0.9);
        assertThat(enriched.wordCount()).isBetween(body.split("\\s+").length - 20, body.split("\\s+").length + 40);
        assertThat(enriched.nlpVersion()).isEqualTo(ArticleEnricher.NLP_VERSION);
    }

    @Test
    void aClaimedLanguageWinsOnlyOverAnUnsureGuess() {
        var numbers = new ArticleSubmitted(1, "id-2", null, "2026 123", null, null, "ar", null, NOW);
        var english = new ArticleSubmitted(1, "id-3", null, "The envoy met the president in Moscow on Thursday.",
                null, null, "ar", null, NOW);

        assertThat(enricher.enrich(numbers).language().code()).isEqualTo("ar");
        assertThat(enricher.enrich(english).language().code()).isEqualTo("en");
    }
}
