package io.akhbar.arabic.enrich;

import io.akhbar.arabic.LanguageGuess;
import io.akhbar.arabic.entity.ExtractedEntity;
import io.akhbar.arabic.keyword.KeyPhrase;
import io.akhbar.arabic.quote.Quotation;
import java.util.List;

/**
 * What {@link Enricher} knows about one article. Offsets are into the original title and body.
 *
 * @param language    the detected language
 * @param wordCount   word tokens of title and body, in full even when the analysis was cut
 * @param entities    people, places, organizations, most salient first
 * @param quotes      quotations in the body, with their speakers
 * @param keyphrases  best first
 * @param summary     one or two sentences of the body, or null when it has none
 * @param fingerprint 16 hex digits of the body's {@link io.akhbar.arabic.fingerprint.SimHash}, or
 *                    null when the body has no words
 * @param truncated   true when title or body was longer than {@link Enricher#MAX_ANALYZED_CHARS} and
 *                    only its beginning was analysed
 */
public record Enrichment(LanguageGuess language, int wordCount, List<ExtractedEntity> entities, List<Quotation> quotes,
                         List<KeyPhrase> keyphrases, String summary, String fingerprint, boolean truncated) {

    public Enrichment {
        entities = List.copyOf(entities);
        quotes = List.copyOf(quotes);
        keyphrases = List.copyOf(keyphrases);
    }
}
