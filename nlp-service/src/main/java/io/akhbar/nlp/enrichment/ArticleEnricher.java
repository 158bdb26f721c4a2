package io.akhbar.nlp.enrichment;

import io.akhbar.arabic.ArabicTokenizer;
import io.akhbar.arabic.LanguageDetector;
import io.akhbar.arabic.LanguageGuess;
import io.akhbar.contracts.ArticleEnriched;
import io.akhbar.contracts.ArticleEnriched.DetectedLanguage;
import io.akhbar.contracts.ArticleSubmitted;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/** Everything NLP knows about one article, computed without I/O so that it is cheap to retry. */
@Service
class ArticleEnricher {

    static final String NLP_VERSION = "akhbar-nlp/1";

    /** Below this, the detector's guess is weaker than the submitter's claim. */
    private static final double CONFIDENT = 0.6;

    private final LanguageDetector languageDetector;
    private final Clock clock;

    ArticleEnricher(Clock clock) {
        this.languageDetector = new LanguageDetector();
        this.clock = clock;
    }

    ArticleEnriched enrich(ArticleSubmitted article) {
        long started = System.nanoTime();
        String title = article.title() == null ? "" : article.title();
        DetectedLanguage language = language(title + "\n" + article.body(), article.language());
        int wordCount = ArabicTokenizer.tokenize(title).size() + ArabicTokenizer.tokenize(article.body()).size();
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
                language,
                wordCount,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                NLP_VERSION,
                micros);
    }

    private DetectedLanguage language(String text, String claimed) {
        LanguageGuess guess = languageDetector.detect(text);
        if (guess.confidence() < CONFIDENT && claimed != null) {
            return new DetectedLanguage(claimed, guess.confidence());
        }
        return new DetectedLanguage(guess.code(), guess.confidence());
    }
}
