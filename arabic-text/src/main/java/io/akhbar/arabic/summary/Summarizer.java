package io.akhbar.arabic.summary;

import io.akhbar.arabic.ArabicNormalizer;
import io.akhbar.arabic.Sentence;
import io.akhbar.arabic.Token;
import io.akhbar.arabic.TokenizedText;
import io.akhbar.arabic.entity.EntityExtractor;
import io.akhbar.arabic.entity.EntityMention;
import io.akhbar.arabic.entity.ExtractedEntity;
import io.akhbar.arabic.keyword.KeyPhrase;
import java.util.List;

/**
 * A one- or two-sentence extractive summary: sentences of the original text, unchanged.
 *
 * <p>News puts the gist first, so the lead is the base: the first sentence of readable length
 * ({@value #MIN_WORDS} to {@value #MAX_WORDS} words), which skips scraps such as «شاركها.» and
 * headings. When the lead is short, the sentence among the next few that best covers the
 * article's salient entities and keyphrases joins it, in text order. A text whose sentences are
 * all too long (no punctuation) gets its first {@value #MAX_WORDS} words.
 *
 * <p>Immutable and thread-safe.
 */
public final class Summarizer {

    static final int MIN_WORDS = 8;
    static final int MAX_WORDS = 60;
    /** A lead shorter than this gets a second sentence. */
    static final int SHORT_LEAD_CHARS = 180;
    private static final int CANDIDATES_AFTER_LEAD = 5;

    /** The summary, or null when the text has no sentence of at least three words. */
    public String summarize(TokenizedText body, List<ExtractedEntity> entities, List<KeyPhrase> keyphrases) {
        List<Sentence> sentences = body.sentences();
        int lead = -1;
        for (int k = 0; k < sentences.size() && lead < 0; k++) {
            int words = words(body, sentences.get(k));
            if (words >= MIN_WORDS && words <= MAX_WORDS) {
                lead = k;
            }
        }
        if (lead < 0) {
            return fallback(body);
        }
        Sentence first = sentences.get(lead);
        if (first.text().length() >= SHORT_LEAD_CHARS) {
            return first.text();
        }
        Sentence second = null;
        double best = 0;
        int seen = 0;
        for (int k = lead + 1; k < sentences.size() && seen < CANDIDATES_AFTER_LEAD; k++) {
            Sentence s = sentences.get(k);
            int words = words(body, s);
            if (words < MIN_WORDS || words > MAX_WORDS) {
                continue;
            }
            seen++;
            double score = coverage(s, words, entities, keyphrases) + (CANDIDATES_AFTER_LEAD - seen) * 0.05;
            if (score > best) {
                best = score;
                second = s;
            }
        }
        return second == null ? first.text() : first.text() + " " + second.text();
    }

    private static int words(TokenizedText body, Sentence s) {
        return body.tokenIndexAt(s.end()) - body.tokenIndexAt(s.start());
    }

    /** Salience of the entities mentioned, plus scores of the keyphrases contained, per √words. */
    private static double coverage(Sentence s, int words, List<ExtractedEntity> entities, List<KeyPhrase> keyphrases) {
        double score = 0;
        for (ExtractedEntity e : entities) {
            for (EntityMention m : e.mentions()) {
                if (m.field().equals(EntityExtractor.BODY) && m.start() >= s.start() && m.end() <= s.end()) {
                    score += e.salience();
                    break;
                }
            }
        }
        if (!keyphrases.isEmpty()) {
            String normalized = ArabicNormalizer.normalize(s.text());
            for (KeyPhrase k : keyphrases) {
                if (normalized.contains(ArabicNormalizer.normalize(k.text()))) {
                    score += k.score();
                }
            }
        }
        return score / Math.sqrt(words);
    }

    private static String fallback(TokenizedText body) {
        List<Token> tokens = body.tokens();
        if (tokens.size() < 3) {
            return null;
        }
        Token last = tokens.get(Math.min(tokens.size(), MAX_WORDS) - 1);
        return body.text().substring(tokens.get(0).start(), last.end());
    }
}
