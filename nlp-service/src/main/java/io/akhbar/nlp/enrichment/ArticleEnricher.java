package io.akhbar.nlp.enrichment;

import io.akhbar.arabic.LanguageGuess;
import io.akhbar.arabic.enrich.Enricher;
import io.akhbar.arabic.enrich.Enrichment;
import io.akhbar.arabic.entity.EntityMention;
import io.akhbar.arabic.entity.ExtractedEntity;
import io.akhbar.arabic.keyword.KeyPhrase;
import io.akhbar.arabic.quote.Quotation;
import io.akhbar.contracts.ArticleEnriched;
import io.akhbar.contracts.ArticleEnriched.DetectedLanguage;
import io.akhbar.contracts.ArticleEnriched.Entity;
import io.akhbar.contracts.ArticleEnriched.EntityType;
import io.akhbar.contracts.ArticleEnriched.Keyword;
import io.akhbar.contracts.ArticleEnriched.Mention;
import io.akhbar.contracts.ArticleEnriched.Quote;
import io.akhbar.contracts.ArticleSubmitted;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/**
 * Everything NLP knows about one article, computed without I/O so that it is cheap to retry. The language work is
 * arabic-text's {@link Enricher}, shared with search-service and the Elasticsearch plugin; this class only adds what
 * belongs to the service: the submitter's language claim, the contract records, the version and the timing.
 */
@Service
class ArticleEnricher {

    /** Bumped whenever the enrichment gives different results for the same article, so that they can be redone. */
    static final String NLP_VERSION = "akhbar-nlp/2";

    /** Below this, the detector's guess is weaker than the submitter's claim. */
    private static final double CONFIDENT = 0.6;

    private final Enricher enricher;
    private final Clock clock;

    ArticleEnricher(Enricher enricher, Clock clock) {
        this.enricher = enricher;
        this.clock = clock;
    }

    ArticleEnriched enrich(ArticleSubmitted article) {
        long started = System.nanoTime();
        Enrichment e = enricher.enrich(article.title(), article.body());
        long micros = (System.nanoTime() - started) / 1_000;
        return new ArticleEnriched(
                ArticleEnriched.SCHEMA_VERSION,
                article.id(),
                article.title(),
                article.body(),
                article.url(),
                article.source(),
                article.publishedAt(),
                article.submittedAt(),
                clock.instant(),
                language(e.language(), article.language()),
                e.wordCount(),
                e.entities().stream().map(ArticleEnricher::entity).toList(),
                e.quotes().stream().map(ArticleEnricher::quote).toList(),
                e.keyphrases().stream().map(ArticleEnricher::keyword).toList(),
                e.summary(),
                e.fingerprint(),
                NLP_VERSION,
                micros);
    }

    private static DetectedLanguage language(LanguageGuess guess, String claimed) {
        if (guess.confidence() < CONFIDENT && claimed != null && !claimed.isBlank()) {
            return new DetectedLanguage(claimed, guess.confidence());
        }
        return new DetectedLanguage(guess.code(), guess.confidence());
    }

    private static Entity entity(ExtractedEntity e) {
        List<Mention> mentions = e.mentions().stream().map(ArticleEnricher::mention).toList();
        return new Entity(e.id(), EntityType.valueOf(e.type().name()), e.nameAr(), e.nameEn(), mentions,
                e.mentionCount(), e.salience());
    }

    private static Mention mention(EntityMention m) {
        return new Mention(m.field(), m.start(), m.end(), m.surface());
    }

    private static Quote quote(Quotation q) {
        return new Quote(q.text(), q.start(), q.end(), q.speakerId(), q.speakerName());
    }

    private static Keyword keyword(KeyPhrase k) {
        return new Keyword(k.text(), k.score());
    }
}
