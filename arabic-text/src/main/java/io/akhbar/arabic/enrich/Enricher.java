package io.akhbar.arabic.enrich;

import io.akhbar.arabic.ArabicTokenizer;
import io.akhbar.arabic.LanguageDetector;
import io.akhbar.arabic.LanguageGuess;
import io.akhbar.arabic.TokenizedText;
import io.akhbar.arabic.entity.EntityExtractor;
import io.akhbar.arabic.entity.EntityGazetteer;
import io.akhbar.arabic.entity.ExtractedEntity;
import io.akhbar.arabic.fingerprint.SimHash;
import io.akhbar.arabic.keyword.KeyPhrase;
import io.akhbar.arabic.keyword.KeyphraseExtractor;
import io.akhbar.arabic.quote.Quotation;
import io.akhbar.arabic.quote.QuoteFinder;
import io.akhbar.arabic.summary.Summarizer;
import java.util.List;

/**
 * The whole enrichment of an article, without I/O: language, word count, entities, quotes,
 * keyphrases, summary and fingerprint. Title and body are tokenized once and every analysis reads
 * the same tokens; gazetteer, word lists and tables are built at construction.
 *
 * <p>Bounded in time and memory whatever the input: every step is linear (or n log n) in the text,
 * and text beyond {@value #MAX_ANALYZED_CHARS} chars per field is only counted (words), not analysed;
 * real articles are a few thousand chars, and ingest caps bodies at 1 MiB. Binary junk, lone
 * surrogates, control and bidi characters are just text that has few or no words.
 *
 * <p>Immutable and thread-safe: share one instance.
 */
public final class Enricher {

    /** Longest prefix of a field that is analysed (about 35,000 words). */
    public static final int MAX_ANALYZED_CHARS = 200_000;

    /** Language is told from this much text; more adds nothing but time. */
    private static final int LANGUAGE_SAMPLE_CHARS = 20_000;

    private final LanguageDetector languageDetector = new LanguageDetector();
    private final EntityExtractor entityExtractor;
    private final QuoteFinder quoteFinder = new QuoteFinder();
    private final KeyphraseExtractor keyphraseExtractor = new KeyphraseExtractor();
    private final Summarizer summarizer = new Summarizer();

    /** With the default gazetteer. */
    public Enricher() {
        this(EntityGazetteer.defaults());
    }

    public Enricher(EntityGazetteer gazetteer) {
        this.entityExtractor = new EntityExtractor(gazetteer);
    }

    /** @param title may be null or empty; @param body the article text */
    public Enrichment enrich(String title, String body) {
        String t = title == null ? "" : title;
        String b = body == null ? "" : body;
        String analysedTitle = prefix(t);
        String analysedBody = prefix(b);
        boolean truncated = analysedTitle.length() < t.length() || analysedBody.length() < b.length();

        TokenizedText titleText = TokenizedText.of(analysedTitle);
        TokenizedText bodyText = TokenizedText.of(analysedBody);
        int wordCount = titleText.tokens().size() + bodyText.tokens().size()
                + ArabicTokenizer.countTokens(t, analysedTitle.length(), t.length())
                + ArabicTokenizer.countTokens(b, analysedBody.length(), b.length());

        LanguageGuess language = languageDetector.detect(languageSample(analysedTitle, analysedBody));
        List<ExtractedEntity> entities = entityExtractor.extract(titleText, bodyText);
        List<Quotation> quotes = quoteFinder.find(bodyText, entities);
        List<KeyPhrase> keyphrases = keyphraseExtractor.extract(titleText, bodyText, entities, KeyphraseExtractor.DEFAULT_LIMIT);
        String summary = summarizer.summarize(bodyText, entities, keyphrases);
        String fingerprint = SimHash.fingerprint(bodyText.tokens());
        return new Enrichment(language, wordCount, entities, quotes, keyphrases, summary, fingerprint, truncated);
    }

    /** The text up to {@link #MAX_ANALYZED_CHARS}, cut at a space so that no word or surrogate pair is split. */
    static String prefix(String text) {
        if (text.length() <= MAX_ANALYZED_CHARS) {
            return text;
        }
        int cut = MAX_ANALYZED_CHARS;
        int floor = MAX_ANALYZED_CHARS - 1_000;
        while (cut > floor && !Character.isWhitespace(text.charAt(cut))) {
            cut--;
        }
        if (cut == floor && Character.isLowSurrogate(text.charAt(MAX_ANALYZED_CHARS))) {
            return text.substring(0, MAX_ANALYZED_CHARS - 1);
        }
        return text.substring(0, cut == floor ? MAX_ANALYZED_CHARS : cut);
    }

    private static CharSequence languageSample(String title, String body) {
        String head = body.length() <= LANGUAGE_SAMPLE_CHARS ? body : body.substring(0, LANGUAGE_SAMPLE_CHARS);
        return title.isEmpty() ? head : title + "\n" + head;
    }
}
