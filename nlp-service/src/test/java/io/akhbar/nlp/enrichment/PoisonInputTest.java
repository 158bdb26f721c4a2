package io.akhbar.nlp.enrichment;

import io.akhbar.arabic.enrich.Enricher;
import io.akhbar.contracts.ArticleEnriched;
import io.akhbar.contracts.ArticleSubmitted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Input that is valid JSON but no article a reader would recognise is enriched best-effort, in bounded time and within
 * the service's 256 MB heap (Surefire runs this module with -Xmx256m), and the result is a record that serializes, so
 * it can be produced. Input that is not even JSON never reaches the enricher: it is dead-lettered
 * ({@code PoisonInputIT} shows both on a real broker).
 */
class PoisonInputTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private final ArticleEnricher enricher = new ArticleEnricher(ArticleEnricherTest.ENRICHER,
            Clock.fixed(ArticleEnricherTest.NOW, ZoneOffset.UTC));
    private final JsonMapper json = JsonMapper.builder().build();

    static Stream<String> poison() {
        Random random = new Random(42);
        byte[] bytes = new byte[64 * 1024];
        random.nextBytes(bytes);
        StringBuilder surrogates = new StringBuilder("بداية ");
        for (int i = 0; i < 2_000; i++) {
            surrogates.append(i % 2 == 0 ? '\uD800' : '\uDFFF').append("بوتين").append(i % 3 == 0 ? "\uD83D" : " ");
        }
        return Stream.of(
                new String(bytes, StandardCharsets.ISO_8859_1),                       // binary garbage, as text
                new String(bytes, StandardCharsets.UTF_8),                            // binary garbage, with U+FFFD
                "!!! ??? ... 123 456 ### *** ((( ))) «» “” \"\" ،،، ؛؛؛ ---",        // no letters
                "\u0000\u0001\u0002\u001F\u007F",                                     // control characters only
                surrogates.toString(),                                                 // unpaired surrogates
                "قال \u202BPutin\u202C ‏بوتين‎ in \u2067موسكو\u2069 on Thursday: «We will see» — ثم‎ غادر ‏Moscow.",
                "\"".repeat(50_000) + "«".repeat(50_000),                             // quotation marks only
                ".".repeat(100_000) + "ب.".repeat(50_000),                             // sentence ends only
                "ـ".repeat(100_000));                                                  // tatweel only
    }

    @ParameterizedTest
    @MethodSource("poison")
    void isEnrichedBestEffortAndSerializes(String body) {
        ArticleEnriched enriched = assertTimeoutPreemptively(BOUND, () -> enricher.enrich(submitted(body)));

        assertThat(enriched.body()).isEqualTo(body);
        enriched.entities().forEach(e -> e.mentions().forEach(
                m -> assertThat(body.substring(m.start(), m.end())).isEqualTo(m.surface())));
        enriched.quotes().forEach(q -> assertThat(body.substring(q.start(), q.end())).isEqualTo(q.text()));
        byte[] serialized = json.writeValueAsBytes(enriched);
        assertThat(json.readValue(serialized, ArticleEnriched.class).id()).isEqualTo(enriched.id());
    }

    @Test
    void aFiveMegabyteArticleIsAnalysedUpToItsLimitAndCountedInFull() throws IOException {
        String sample = Files.readString(Path.of("../samples/witkoff-putin-third-meeting.ar.txt"));
        int copies = 5_000_000 / (sample.getBytes(StandardCharsets.UTF_8).length + 1) + 1;
        String body = (sample + "\n").repeat(copies);
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(5_000_000);

        ArticleEnriched enriched = assertTimeoutPreemptively(BOUND, () -> enricher.enrich(submitted(body)));

        ArticleEnriched one = enricher.enrich(submitted(sample));
        assertThat(enriched.wordCount()).isEqualTo(one.wordCount() * copies);
        assertThat(enriched.language().code()).isEqualTo("ar");
        assertThat(enriched.entities()).isNotEmpty();
        assertThat(enriched.entities().stream().flatMap(e -> e.mentions().stream()))
                .allSatisfy(m -> assertThat(m.end()).isLessThanOrEqualTo(Enricher.MAX_ANALYZED_CHARS));
        assertThat(json.writeValueAsBytes(enriched).length).isGreaterThan(5_000_000);
    }

    @Test
    void mixedRightToLeftAndLeftToRightTextKeepsItsEntities() {
        String body = "قال \u202BPutin\u202C إن ‏بوتين‎ سيزور \u2067موسكو\u2069، وقالت NATO إن الناتو on Thursday «سيرد قريبا جدا».";

        ArticleEnriched enriched = enricher.enrich(submitted(body));

        assertThat(enriched.entities()).extracting(ArticleEnriched.Entity::id)
                .contains("person:vladimir-putin", "location:moscow", "organization:nato");
        assertThat(enriched.entities()).filteredOn(e -> e.id().equals("person:vladimir-putin"))
                .flatExtracting(ArticleEnriched.Entity::mentions).extracting(ArticleEnriched.Mention::surface)
                .containsExactly("Putin", "بوتين");
    }

    private static ArticleSubmitted submitted(String body) {
        return new ArticleSubmitted(1, "poison", null, body, null, null, null, null, ArticleEnricherTest.NOW);
    }
}
