package io.akhbar.nlp.enrichment;

import io.akhbar.arabic.enrich.Enricher;
import io.akhbar.contracts.ArticleEnriched;
import io.akhbar.contracts.ArticleEnriched.Entity;
import io.akhbar.contracts.ArticleEnriched.EntityType;
import io.akhbar.contracts.ArticleEnriched.Keyword;
import io.akhbar.contracts.ArticleEnriched.Mention;
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

    static final Instant NOW = Instant.parse("2026-01-22T10:16:01Z");
    static final Enricher ENRICHER = new Enricher();

    private final ArticleEnricher enricher = new ArticleEnricher(ENRICHER, Clock.fixed(NOW, ZoneOffset.UTC));

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
        assertThat(enriched.processingMicros()).isPositive();
    }

    @Test
    void fillsEntitiesWithMentionsThatPointIntoTheOriginalTitleAndBody() throws IOException {
        String body = Files.readString(Path.of("../samples/witkoff-kushner-moscow-davos.ar.txt"));
        String title = "ويتكوف وكوشنر إلى موسكو";
        ArticleEnriched enriched = enricher.enrich(submitted(title, body));

        assertThat(enriched.entities()).extracting(Entity::id).contains(
                "person:steve-witkoff", "person:vladimir-putin", "person:donald-trump", "person:kirill-dmitriev",
                "location:moscow", "location:ru", "location:ua", "organization:kremlin",
                "organization:world-economic-forum");
        Entity witkoff = enriched.entities().get(0);
        assertThat(witkoff.id()).as("the most salient: in the title and mentioned most").isEqualTo("person:steve-witkoff");
        assertThat(witkoff.type()).isEqualTo(EntityType.PERSON);
        assertThat(witkoff.nameEn()).isEqualTo("Steve Witkoff");
        assertThat(witkoff.mentionCount()).isEqualTo(witkoff.mentions().size());
        assertThat(witkoff.mentions()).extracting(Mention::field).contains("title", "body");
        for (Entity e : enriched.entities()) {
            assertThat(e.salience()).isBetween(0.0, 1.0);
            for (Mention m : e.mentions()) {
                String text = m.field().equals("title") ? title : body;
                assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface());
            }
        }
    }

    @Test
    void attributesTheTrumpQuoteAndFindsTheKeyphrasesSummaryAndFingerprint() throws IOException {
        String body = Files.readString(Path.of("../samples/witkoff-putin-third-meeting.ar.txt"));
        ArticleEnriched enriched = enricher.enrich(submitted(null, body));

        assertThat(enriched.quotes()).anySatisfy(q -> {
            assertThat(q.text()).startsWith("نحرز تقدما");
            assertThat(q.speakerId()).isEqualTo("person:donald-trump");
            assertThat(q.speakerName()).isEqualTo("دونالد ترامب");
            assertThat(body.substring(q.start(), q.end())).isEqualTo(q.text());
        });
        assertThat(enriched.keywords()).extracting(Keyword::text).contains("وقف إطلاق النار", "العقوبات");
        assertThat(enriched.summary()).startsWith("وفقا للموقع الأمريكي").hasSizeLessThan(600);
        assertThat(body).contains(enriched.summary().split("\\. ")[0]);
        assertThat(enriched.fingerprint()).matches("[0-9a-f]{16}");
    }

    @Test
    void aClaimedLanguageWinsOnlyOverAnUnsureGuess() {
        var numbers = new ArticleSubmitted(1, "id-2", null, "2026 123", null, null, "ar", null, NOW);
        var english = new ArticleSubmitted(1, "id-3", null, "The envoy met the president in Moscow on Thursday.",
                null, null, "ar", null, NOW);

        assertThat(enricher.enrich(numbers).language().code()).isEqualTo("ar");
        ArticleEnriched en = enricher.enrich(english);
        assertThat(en.language().code()).isEqualTo("en");
        assertThat(en.entities()).extracting(Entity::id).containsExactly("location:moscow");
    }

    private static ArticleSubmitted submitted(String title, String body) {
        return new ArticleSubmitted(1, "id", title, body, null, null, null, null, NOW);
    }
}
