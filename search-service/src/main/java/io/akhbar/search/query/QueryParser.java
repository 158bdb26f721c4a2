package io.akhbar.search.query;

import io.akhbar.arabic.ArabicNormalizer;
import io.akhbar.arabic.ArabicStopWords;
import io.akhbar.arabic.Clitics;
import io.akhbar.search.entities.EntityCatalog;
import io.akhbar.search.entities.KnownEntity;
import io.akhbar.search.indexing.EntityDocument;
import io.akhbar.search.query.QuerySyntax.Kind;
import io.akhbar.search.query.QuerySyntax.Token;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the {@code q} parameter into a {@link ParsedQuery}: the syntax of {@link QuerySyntax}, then the meaning of
 * the words. Consecutive words that name a known entity (longest first, up to {@value #MAX_NAME_WORDS} words, with
 * or without proclitics: لبوتين, وترمب) become one {@link Clause.Entity}; other words get their spelling variants.
 */
@Component
class QueryParser {

    static final int MAX_NAME_WORDS = 4;
    private static final int MAX_SPELLINGS = 12;
    private static final int MAX_PHRASE_VARIANTS = 8;
    /** Conjunctions and prepositions written glued to the next word, alone and combined (و + ب: وب). */
    private static final List<String> WORD_PROCLITICS = List.of("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل");
    /** For phrases only the first word, and only the commonest, to keep the number of phrases down. */
    private static final List<String> PHRASE_PROCLITICS = List.of("ل", "ب", "و");

    private final QueryProperties properties;
    private final EntityCatalog entities;
    private final SpellingVariants variants;

    QueryParser(QueryProperties properties, EntityCatalog entities, SpellingVariants variants) {
        this.properties = properties;
        this.entities = entities;
        this.variants = variants;
    }

    /** @return {@link ParsedQuery#EVERYTHING} when there is no query text */
    ParsedQuery parse(String query) {
        if (query == null || query.isBlank()) {
            return ParsedQuery.EVERYTHING;
        }
        if (query.length() > properties.maxQueryLength()) {
            throw new InvalidQueryException("q", "must be at most " + properties.maxQueryLength() + " characters");
        }
        List<Token> tokens = QuerySyntax.tokens(query).stream()
                .filter(t -> t.kind() == Kind.OR || !ArabicNormalizer.normalize(t.text()).isBlank())
                .toList();
        long terms = tokens.stream().filter(t -> t.kind() != Kind.OR).count();
        if (terms == 0) {
            throw new InvalidQueryException("q", "must contain a word");
        }
        if (terms > properties.maxQueryTerms()) {
            throw new InvalidQueryException("q", "must have at most " + properties.maxQueryTerms() + " words and phrases");
        }
        List<Clause> required = new ArrayList<>();
        List<Clause> excluded = new ArrayList<>();
        List<List<Token>> units = orGroups(tokens);
        int i = 0;
        while (i < units.size()) {
            List<Token> unit = units.get(i);
            Token first = unit.get(0);
            List<Clause> target = first.excluded() ? excluded : required;
            if (unit.size() > 1) {
                target.add(new Clause.AnyOf(unit.stream().map(this::single).toList()));
                i++;
            } else if (first.kind() == Kind.PHRASE) {
                target.add(single(first));
                i++;
            } else {
                i = words(units, i, target);
            }
        }
        return new ParsedQuery(query.strip(), List.copyOf(required), List.copyOf(excluded));
    }

    /**
     * Groups {@code a OR b OR c} into one unit; every other token is a unit of its own. An OR next to an exclusion,
     * or at either end, joins nothing and is dropped.
     */
    private static List<List<Token>> orGroups(List<Token> tokens) {
        List<List<Token>> units = new ArrayList<>();
        boolean pendingOr = false;
        for (Token token : tokens) {
            if (token.kind() == Kind.OR) {
                pendingOr = !units.isEmpty() && !units.get(units.size() - 1).get(0).excluded();
                continue;
            }
            if (pendingOr && !token.excluded()) {
                units.get(units.size() - 1).add(token);
            } else {
                units.add(new ArrayList<>(List.of(token)));
            }
            pendingOr = false;
        }
        return units;
    }

    /** Reads the run of single words starting at {@code start}, longest entity names first; returns where it ends. */
    private int words(List<List<Token>> units, int start, List<Clause> target) {
        boolean excluded = units.get(start).get(0).excluded();
        int end = start;
        while (end < units.size() && units.get(end).size() == 1 && units.get(end).get(0).kind() == Kind.WORD
                && units.get(end).get(0).excluded() == excluded) {
            end++;
        }
        int i = start;
        while (i < end) {
            int matched = 0;
            for (int length = Math.min(MAX_NAME_WORDS, end - i); length > 1 && matched == 0; length--) {
                String text = join(units.subList(i, i + length));
                Optional<KnownEntity> entity = recognize(text);
                if (entity.isPresent()) {
                    target.add(entity(text, entity.get()));
                    matched = length;
                }
            }
            if (matched == 0) {
                target.add(single(units.get(i).get(0)));
                matched = 1;
            }
            i += matched;
        }
        return end;
    }

    private Clause single(Token token) {
        String normalized = normalize(token.text());
        boolean stopWord = token.kind() == Kind.WORD && ArabicStopWords.isStopWord(normalized);
        if (!stopWord) {
            Optional<KnownEntity> entity = recognize(token.text());
            if (entity.isPresent() && isDemonym(token.text(), entity.get())) {
                // الأمريكي is an adjective, not a mention of the country: search it in all its spellings.
                return token.kind() == Kind.PHRASE
                        ? new Clause.Phrase(token.text(), normalized, phraseVariants(token.text()))
                        : new Clause.Word(token.text(), normalized, false,
                                variants.otherStems(token.text(), entity.get().demonyms()), List.of());
            }
            if (entity.isPresent()) {
                return entity(token.text(), entity.get());
            }
        }
        if (token.kind() == Kind.PHRASE) {
            return new Clause.Phrase(token.text(), normalized, phraseVariants(token.text()));
        }
        if (stopWord) {
            return new Clause.Word(token.text(), normalized, true, List.of(), List.of());
        }
        return new Clause.Word(token.text(), normalized, false, variants.of(token.text()),
                glued(token.text(), WORD_PROCLITICS));
    }

    private Clause.Entity entity(String text, KnownEntity entity) {
        // One spelling per normalized form: أردوغان and اردوغان are the same words to the analyzer.
        Map<String, String> spellings = new LinkedHashMap<>();
        for (String spelling : entity.spellings()) {
            spellings.putIfAbsent(normalize(spelling), spelling);
        }
        List<String> limited = new ArrayList<>(spellings.values()).subList(0, Math.min(MAX_SPELLINGS, spellings.size()));
        return new Clause.Entity(text, normalize(text), entity, List.copyOf(limited));
    }

    /**
     * The phrase with its words respelled: each word's variants, demonym spellings and, for a one-word name, the
     * entity's other one-word spellings; combinations beyond {@value #MAX_PHRASE_VARIANTS} are left out.
     */
    private List<String> phraseVariants(String phrase) {
        List<List<String>> options = new ArrayList<>();
        String[] words = phrase.split(" ");
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            List<String> alternatives = new ArrayList<>();
            alternatives.add(word);
            if (w == 0) {
                alternatives.addAll(glued(word, PHRASE_PROCLITICS));
            }
            if (!ArabicStopWords.isStopWord(normalize(word))) {
                alternatives.addAll(variants.of(word));
                entities.lookup(word).ifPresent(entity -> alternatives.addAll(isDemonym(word, entity)
                        ? variants.otherStems(word, entity.demonyms())
                        : entity.spellings().stream()
                                .filter(s -> !s.contains(" ") && !normalize(s).equals(normalize(word)))
                                .toList()));
            }
            options.add(alternatives);
        }
        List<String> combinations = new ArrayList<>(List.of(""));
        for (List<String> alternatives : options) {
            List<String> longer = new ArrayList<>();
            for (String prefix : combinations) {
                for (String alternative : alternatives) {
                    if (longer.size() <= MAX_PHRASE_VARIANTS) {
                        longer.add(prefix.isEmpty() ? alternative : prefix + " " + alternative);
                    }
                }
            }
            combinations = longer;
        }
        // The first combination is the phrase as typed.
        return List.copyOf(combinations.subList(1, combinations.size()));
    }

    /**
     * {@code word} with each proclitic glued on, for an Arabic word of three letters or more that does not start with
     * the article (the analyzer strips بال, وال, لل itself).
     */
    static List<String> glued(String word, List<String> proclitics) {
        String normalized = normalize(word);
        if (normalized.length() < 3 || normalized.startsWith("ال") || !isArabic(normalized)) {
            return List.of();
        }
        return proclitics.stream().map(p -> p + word).toList();
    }

    private static boolean isArabic(String word) {
        return word.chars().allMatch(c -> c >= '\u0621' && c <= '\u064A');
    }

    private boolean isDemonym(String word, KnownEntity entity) {
        return entity.demonyms().stream().anyMatch(demonym -> variants.sameStem(word, demonym));
    }

    /** The entity named by {@code text} as written, or with the proclitics of its first word taken off. */
    private Optional<KnownEntity> recognize(String text) {
        String normalized = normalize(text);
        if (normalized.codePointCount(0, normalized.length()) < 2) {
            return Optional.empty();
        }
        Optional<KnownEntity> found = entities.lookup(text);
        if (found.isPresent()) {
            return found;
        }
        int space = normalized.indexOf(' ');
        String first = space < 0 ? normalized : normalized.substring(0, space);
        String rest = space < 0 ? "" : normalized.substring(space);
        for (String stripped : Clitics.candidates(first)) {
            if (!stripped.equals(first)) {
                found = entities.lookup(stripped + rest);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String join(List<List<Token>> units) {
        return String.join(" ", units.stream().map(unit -> unit.get(0).text()).toList());
    }

    /** The normalization of the indexed entity names: a query's name must compare equal to the name indexed. */
    static String normalize(String text) {
        return EntityDocument.normalizeName(text);
    }
}
