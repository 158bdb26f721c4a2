package io.akhbar.arabic.keyword;

import io.akhbar.arabic.ArabicNormalizer;
import io.akhbar.arabic.ArabicStopWords;
import io.akhbar.arabic.LightStemmer;
import io.akhbar.arabic.Token;
import io.akhbar.arabic.TokenizedText;
import io.akhbar.arabic.WordSet;
import io.akhbar.arabic.entity.EntityExtractor;
import io.akhbar.arabic.entity.EntityMention;
import io.akhbar.arabic.entity.ExtractedEntity;
import io.akhbar.arabic.entity.PersonCues;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Key words and phrases of an article: the content-word n-grams (one to three words) that recur,
 * compared by light stem without clitics, so that «لوقف إطلاق النار» and «بوقف إطلاق نار» are one
 * phrase and «العقوبات» and «عقوبات» one word.
 *
 * <p>Candidates are the runs of content words between stop words, punctuation and names (entities
 * are reported on their own), cut into n-grams. A word needs three occurrences, a phrase two, or
 * either one in the title. Longer phrases are preferred and claim their occurrences: «وقف» inside
 * «وقف إطلاق النار» does not count again, nor does «اتفاق لوقف إطلاق» which overlaps it, but
 * «اتفاق» elsewhere still does. Score: occurrences (title ones count
 * triple) × a length weight × an early-position bonus, scaled so the best is 1. Words that are
 * frequent in any news (a small background list with days and months, titles, speech verbs) never
 * take part; this stands in for an IDF table, which would need a corpus.
 *
 * <p>The phrase is reported as written in its most frequent form, without a conjunction or
 * preposition that is evidently glued (it varies between occurrences, or the bare word occurs in the
 * text): «وقف إطلاق النار», but «بحري» keeps its ب.
 *
 * <p>Immutable and thread-safe.
 */
public final class KeyphraseExtractor {

    public static final int DEFAULT_LIMIT = 10;

    static final String BACKGROUND_RESOURCE = "background.txt";
    private static final int MAX_N = 3;
    private static final double[] LENGTH_WEIGHT = {1.0, 1.8, 2.5};
    private static final WordSet ENGLISH_STOP = WordSet.of(
            "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is",
            "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these", "those",
            "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "not", "no", "but", "if", "than",
            "then", "so", "will", "would", "can", "could", "said", "says", "also", "after", "before", "about",
            "into", "over", "more", "most", "which", "who", "what", "when", "where", "there", "here", "up", "out");

    private final LightStemmer stemmer = new LightStemmer();
    /**
     * Everything that is no content word, in one set so that a token costs a few lookups: stop words,
     * the background list, and the cue words of people (titles, speech verbs and participles, title
     * complements), the latter also with the article.
     */
    private final WordSet noise;

    public KeyphraseExtractor() {
        List<String> words = new ArrayList<>(readNormalized(BACKGROUND_RESOURCE));
        words.addAll(ArabicStopWords.words());
        for (String cue : PersonCues.defaults().words()) {
            words.add(cue);
            words.add("ال" + cue);
        }
        this.noise = WordSet.of(words);
    }

    /** Keyphrases of a text without title or entities. */
    public List<KeyPhrase> extract(String body, int limit) {
        return extract(TokenizedText.empty(), TokenizedText.of(body), List.of(), limit);
    }

    /** The best {@code limit} keyphrases, best first; names of {@code entities} are left out. */
    public List<KeyPhrase> extract(TokenizedText title, TokenizedText body, List<ExtractedEntity> entities, int limit) {
        Field[] fields = {new Field(title, EntityExtractor.TITLE), new Field(body, EntityExtractor.BODY)};
        boolean latinText = mostlyLatin(fields);
        Set<String> vocabulary = new HashSet<>();
        for (Field f : fields) {
            f.markNames(entities);
            for (Token t : f.text.tokens()) {
                vocabulary.add(t.normalized());
            }
        }
        Map<String, Candidate> candidates = new HashMap<>();
        for (int fi = 0; fi < fields.length; fi++) {
            Field f = fields[fi];
            f.analyse(latinText);
            collect(f, fi, candidates);
        }
        List<Candidate> kept = select(candidates, fields);
        kept.sort((a, b) -> Double.compare(b.score, a.score));
        List<KeyPhrase> out = new ArrayList<>(Math.min(limit, kept.size()));
        double best = kept.isEmpty() ? 1 : kept.get(0).score;
        for (Candidate c : kept) {
            if (out.size() == limit) {
                break;
            }
            String text = display(c, fields, vocabulary);
            if (!text.isEmpty() && out.stream().noneMatch(k -> k.text().equals(text))) {
                out.add(new KeyPhrase(text, Math.round(c.score / best * 1000) / 1000.0));
            }
        }
        return out;
    }

    private static boolean mostlyLatin(Field[] fields) {
        int arabic = 0;
        int total = 0;
        for (Field f : fields) {
            for (Token t : f.text.tokens()) {
                if (!t.isNumber()) {
                    total++;
                    arabic += t.isArabic() ? 1 : 0;
                }
            }
        }
        return total > 0 && arabic * 2 < total;
    }

    private void collect(Field f, int fieldIndex, Map<String, Candidate> candidates) {
        int n = f.keys.length;
        int i = 0;
        while (i < n) {
            if (f.keys[i] == null) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && f.keys[end] != null && !f.breakBefore[end]) {
                end++;
            }
            // tokens [i, end) are one run of content words
            for (int a = i; a < end; a++) {
                StringBuilder key = new StringBuilder();
                for (int len = 1; len <= MAX_N && a + len <= end; len++) {
                    if (len > 1) {
                        key.append(' ');
                    }
                    key.append(f.keys[a + len - 1]);
                    String k = key.toString();
                    Candidate c = candidates.get(k);
                    if (c == null) {
                        c = new Candidate(len);
                        candidates.put(k, c);
                    }
                    c.add(fieldIndex, a, f.position(a));
                    if (len == 1 && f.definite[a]) {
                        c.definite = true;
                    }
                }
            }
            i = end;
        }
    }

    /** Longest phrases first; each kept phrase claims its occurrences from shorter ones. */
    private List<Candidate> select(Map<String, Candidate> candidates, Field[] fields) {
        List<Candidate> byLength = new ArrayList<>(candidates.values());
        byLength.removeIf(c -> !enough(c, c.count, c.titleCount));
        byLength.sort((a, b) -> a.n != b.n ? b.n - a.n : (b.count + b.titleCount) - (a.count + a.titleCount));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : byLength) {
            int body = 0;
            int inTitle = 0;
            for (int k = 0; k < c.occurrences; k++) {
                Field f = fields[c.fieldOf(k)];
                int start = c.startOf(k);
                if (!f.anyClaimed(start, c.n)) {
                    if (c.fieldOf(k) == 0) {
                        inTitle++;
                    } else {
                        body++;
                    }
                }
            }
            if (!enough(c, body, inTitle)) {
                continue;
            }
            for (int k = 0; k < c.occurrences; k++) {
                fields[c.fieldOf(k)].claim(c.startOf(k), c.n);
            }
            c.score = (body + 3.0 * inTitle) * LENGTH_WEIGHT[c.n - 1] * (1.0 + 0.5 * (1.0 - c.firstPosition));
            kept.add(c);
        }
        return kept;
    }

    /**
     * A word must recur three times to be key, or twice when it takes the article somewhere (a noun:
     * العقوبات; verbs never do), a phrase twice (phrases recur less and mean more); once in the
     * title is always enough.
     */
    private static boolean enough(Candidate c, int body, int inTitle) {
        return inTitle > 0 || body >= (c.n == 1 && !c.definite ? 3 : 2);
    }

    /** The most frequent written form, with evidently glued proclitics set aside. */
    private String display(Candidate c, Field[] fields, Set<String> vocabulary) {
        // Forms of the first word after any conjunction: ب in بوقف/لوقف varies, in بناء/وبناء it does not.
        Set<String> firstForms = new HashSet<>();
        for (int k = 0; k < c.occurrences; k++) {
            Field f = fields[c.fieldOf(k)];
            int a = c.startOf(k);
            firstForms.add(f.text.tokens().get(a).normalized().substring(f.dropConjunction[a]));
        }
        Map<String, Integer> forms = new HashMap<>();
        String best = "";
        int bestCount = 0;
        for (int k = 0; k < c.occurrences; k++) {
            Field f = fields[c.fieldOf(k)];
            int a = c.startOf(k);
            Token first = f.text.tokens().get(a);
            int drop = f.dropConjunction[a];
            if (f.dropPreposition[a] > 0) {
                String bare = first.normalized().substring(drop + f.dropPreposition[a]);
                if (firstForms.size() > 1 || vocabulary.contains(bare) || vocabulary.contains("ال" + bare)) {
                    drop += f.dropPreposition[a];
                }
            }
            String form = f.text.text().substring(first.originalOffset(drop), f.text.tokens().get(a + c.n - 1).end());
            int count = forms.merge(form, 1, Integer::sum);
            // On a tie, the form with the article reads better (العقوبات over عقوبات).
            if (count > bestCount || count == bestCount && form.startsWith("ال") && !best.startsWith("ال")) {
                best = form;
                bestCount = count;
            }
        }
        return best;
    }

    /** A candidate n-gram: its occurrences as (field, first token), and counts. */
    private static final class Candidate {
        final int n;
        int[] at = new int[4];
        int occurrences;
        int count;
        int titleCount;
        boolean definite;
        double firstPosition = 1.0;
        double score;

        Candidate(int n) {
            this.n = n;
        }

        void add(int field, int token, double position) {
            if (occurrences == at.length) {
                at = Arrays.copyOf(at, occurrences * 2);
            }
            at[occurrences++] = token << 1 | field;
            if (field == 0) {
                titleCount++;
                firstPosition = 0.0;
            } else {
                count++;
                firstPosition = Math.min(firstPosition, position);
            }
        }

        int fieldOf(int k) {
            return at[k] & 1;
        }

        int startOf(int k) {
            return at[k] >>> 1;
        }
    }

    /** Per field: each token's key (null when it is no content word), what to drop in display, claims. */
    private final class Field {
        final TokenizedText text;
        final String name;
        String[] keys;
        int[] dropConjunction;
        int[] dropPreposition;
        boolean[] definite;
        boolean[] breakBefore;
        boolean[] isName;
        boolean[] claimed;

        Field(TokenizedText text, String name) {
            this.text = text;
            this.name = name;
            int n = text.tokens().size();
            this.isName = new boolean[n];
            this.claimed = new boolean[n];
        }

        void markNames(List<ExtractedEntity> entities) {
            for (ExtractedEntity e : entities) {
                for (EntityMention m : e.mentions()) {
                    if (!m.field().equals(name)) {
                        continue;
                    }
                    // tokens overlapping the mention: the one holding its start (maybe after a prefix) onwards
                    int k = Math.max(0, text.tokenIndexAt(m.start()) - 1);
                    for (; k < isName.length && text.tokens().get(k).start() < m.end(); k++) {
                        if (text.tokens().get(k).end() > m.start()) {
                            isName[k] = true;
                        }
                    }
                }
            }
        }

        void analyse(boolean latinText) {
            List<Token> tokens = text.tokens();
            int n = tokens.size();
            keys = new String[n];
            dropConjunction = new int[n];
            dropPreposition = new int[n];
            definite = new boolean[n];
            breakBefore = new boolean[n];
            for (int i = 0; i < n; i++) {
                breakBefore[i] = i == 0 || !onlySpaceBetween(text.text(), tokens.get(i - 1).end(), tokens.get(i).start());
                if (!isName[i]) {
                    keys[i] = latinText ? latinKey(tokens.get(i)) : arabicKey(tokens.get(i), i);
                }
            }
        }

        private String latinKey(Token t) {
            String s = t.normalized();
            if (t.isArabic() || t.isNumber() || s.length() < 3 || ENGLISH_STOP.contains(s)) {
                return null;
            }
            return s;
        }

        /** The light stem without clitics, or null when the word is no content word. */
        private String arabicKey(Token t, int i) {
            if (!t.isArabic()) {
                return null;
            }
            String s = t.normalized();
            if (s.length() < 2 || isNoise(s)) {
                return null;
            }
            String stem = stemmer.stem(s);
            int conjunction = 0;
            if ((s.charAt(0) == 'و' || s.charAt(0) == 'ف') && !stem.startsWith(s.substring(0, 1))
                    && !stem.isEmpty() && s.length() > 3) {
                conjunction = 1; // the stemmer took و/ف as a conjunction (it keeps وقف، وزير...)
            }
            int preposition = 0;
            int p = conjunction;
            char c = s.charAt(p);
            if ((c == 'ب' || c == 'ك' || c == 'ل') && s.length() - p - 1 >= 3
                    && !s.startsWith("ال", p + 1) && !s.startsWith("لل", p)) {
                String rest = s.substring(p + 1);
                if (isNoise(rest)) {
                    return null;
                }
                preposition = 1;
                stem = stemmer.stem(rest);
            } else if (conjunction == 1 && isNoise(s.substring(1))) {
                return null;
            }
            if (isNoise(stem)) {
                return null;
            }
            dropConjunction[i] = conjunction;
            dropPreposition[i] = preposition;
            int bare = conjunction + preposition;
            definite[i] = (s.startsWith("ال", bare) || s.startsWith("لل", bare)) && !s.startsWith(stem, bare);
            return stem;
        }

        private boolean isNoise(String s) {
            return noise.contains(s) || s.length() > 3 && s.startsWith("ال") && noise.contains(s, 2, s.length());
        }

        double position(int token) {
            int length = text.text().length();
            return length == 0 ? 0 : text.tokens().get(token).start() / (double) length;
        }

        boolean anyClaimed(int start, int n) {
            for (int k = start; k < start + n; k++) {
                if (claimed[k]) {
                    return true;
                }
            }
            return false;
        }

        void claim(int start, int n) {
            for (int k = start; k < start + n; k++) {
                claimed[k] = true;
            }
        }
    }

    private static boolean onlySpaceBetween(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (!(c == ' ' || c == '\u00A0' || c == '\u0640' || c >= '\u200B' && c <= '\u200F')) {
                return false;
            }
        }
        return true;
    }

    private static List<String> readNormalized(String resource) {
        List<String> words = new ArrayList<>();
        try (InputStream in = KeyphraseExtractor.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/akhbar/arabic/keyword/" + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!entry.isEmpty()) {
                    words.add(ArabicNormalizer.normalize(entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/akhbar/arabic/keyword/" + resource, e);
        }
        return words;
    }
}
