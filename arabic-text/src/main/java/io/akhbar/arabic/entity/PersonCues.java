package io.akhbar.arabic.entity;

import io.akhbar.arabic.ArabicNormalizer;
import io.akhbar.arabic.WordSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists of {@code person-cues.txt}: titles, the words between a title and a name, speech
 * verbs and their participles, words that are never names, given names and name connectors. They
 * find people from context ({@link EntityExtractor}) and speakers of quotes. Lookups take a
 * NORMALIZED token; titles and the like are found without clitics and article, allocation-free.
 *
 * <p>Immutable and thread-safe.
 */
public final class PersonCues {

    static final String RESOURCE = "person-cues.txt";

    private static final class Defaults {
        static final PersonCues INSTANCE = new PersonCues(GazetteerSource.readSections(RESOURCE));
    }

    private final WordSet titles;
    private final WordSet complements;
    private final WordSet speechVerbs;
    private final WordSet continuations;
    private final WordSet notNames;
    private final WordSet givenNames;
    private final WordSet connectors;

    private PersonCues(Map<String, List<String>> sections) {
        titles = set(sections, "titles");
        complements = set(sections, "title-complements");
        speechVerbs = set(sections, "speech-verbs");
        continuations = set(sections, "speech-continuations");
        notNames = set(sections, "not-names");
        givenNames = set(sections, "given-names");
        connectors = set(sections, "name-connectors");
    }

    public static PersonCues defaults() {
        return Defaults.INSTANCE;
    }

    private static WordSet set(Map<String, List<String>> sections, String name) {
        List<String> words = sections.get(name);
        if (words == null) {
            throw new IllegalStateException(RESOURCE + " has no [" + name + "] section");
        }
        List<String> normalized = new ArrayList<>(words.size());
        for (String w : words) {
            normalized.add(ArabicNormalizer.normalize(w));
        }
        return WordSet.of(normalized);
    }

    /** الرئيس، للرئيس، والمبعوث، مبعوثا... */
    public boolean isTitle(String token) {
        return containsBare(titles, token);
    }

    /** الخاص، باسم، الخارجية... */
    public boolean isComplement(String token) {
        return containsBare(complements, token);
    }

    /** قال، وقال، فأضاف، وأكدت... */
    public boolean isSpeechVerb(String token) {
        return speechVerbs.contains(token) || hasConjunction(token) && speechVerbs.contains(token, 1, token.length());
    }

    /** قائلاً، مضيفاً، وتابع... */
    public boolean isContinuation(String token) {
        return continuations.contains(token) || hasConjunction(token) && continuations.contains(token, 1, token.length());
    }

    public boolean isNotName(String token) {
        return notNames.contains(token);
    }

    public boolean isGivenName(String token) {
        return givenNames.contains(token);
    }

    /** بن، بنت، عبد، آل، أبو: parts of an Arabic name that join its other parts. */
    public boolean isConnector(String token) {
        return connectors.contains(token);
    }

    /** The normalized titles, title complements, speech verbs and participles: words that are never content. */
    public Set<String> words() {
        Set<String> all = new HashSet<>(titles.asSet());
        all.addAll(complements.asSet());
        all.addAll(speechVerbs.asSet());
        all.addAll(continuations.asSet());
        return all;
    }

    /** قال، وقالت، وصفه، أبلغها: a speech verb, possibly with a conjunction before and a pronoun after. */
    public boolean isSpeechVerbWithPronoun(String token) {
        if (isSpeechVerb(token)) {
            return true;
        }
        int n = token.length();
        for (String pronoun : PRONOUNS) {
            int stem = n - pronoun.length();
            if (stem >= 2 && token.endsWith(pronoun)) {
                int from = hasConjunction(token) && stem > 3 ? 1 : 0;
                return speechVerbs.contains(token, 0, stem) || from == 1 && speechVerbs.contains(token, 1, stem);
            }
        }
        return false;
    }

    private static final String[] PRONOUNS = {"هما", "هم", "ها", "ه", "ني", "نا", "كم"};

    private static boolean hasConjunction(String token) {
        char c = token.charAt(0);
        return (c == 'و' || c == 'ف') && token.length() >= 3;
    }

    /** Whether the token, less a conjunction, a preposition and an article, is in the set. */
    private static boolean containsBare(WordSet set, String token) {
        int n = token.length();
        if (n == 0) {
            return false;
        }
        if (set.contains(token)) {
            return true;
        }
        int afterConjunction = hasConjunction(token) ? 1 : 0;
        if (afterConjunction == 1 && set.contains(token, 1, n)) {
            return true;
        }
        for (int base = 0; base <= afterConjunction; base++) {
            if (bareFrom(set, token, base)) {
                return true;
            }
        }
        return false;
    }

    private static boolean bareFrom(WordSet set, String token, int base) {
        int n = token.length();
        if (n - base >= 4 && token.charAt(base) == 'ل' && token.charAt(base + 1) == 'ل' && set.contains(token, base + 2, n)) {
            return true;
        }
        char c = token.charAt(base);
        int afterPreposition = base;
        if ((c == 'ب' || c == 'ك' || c == 'ل') && n - base >= 3) {
            afterPreposition = base + 1;
            if (set.contains(token, afterPreposition, n)) {
                return true;
            }
        }
        for (int from : new int[] {base, afterPreposition}) {
            if (n - from >= 4 && token.charAt(from) == 'ا' && token.charAt(from + 1) == 'ل' && set.contains(token, from + 2, n)) {
                return true;
            }
        }
        return false;
    }
}
