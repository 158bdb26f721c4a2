package io.akhbar.arabic.entity;

import io.akhbar.arabic.ArabicStopWords;
import io.akhbar.arabic.ProtectedWords;
import io.akhbar.arabic.Token;
import io.akhbar.arabic.TokenizedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds people, places and organizations in a title and a body, in three passes over the tokens:
 *
 * <ol>
 *   <li><b>Gazetteer.</b> At each token, every reading without a glued conjunction or preposition
 *       (وبوتين, بموسكو, للكرملين, والناتو) walks the {@link PhraseTrie} of normalized spellings; the
 *       longest phrase wins («شبه جزيرة القرم», «حلف شمال الأطلسي», «روسيا اليوم»). A phrase never
 *       spans punctuation, so «حلف شمال الأطلسي (الناتو)» is two mentions of NATO. When no exact
 *       spelling matches, the spelling skeleton does for people and curated places (ديمترييف for
 *       دميترييف). Demonyms (الروسي, الأميركية, الأوكرانيين) are mentions of their country.</li>
 *   <li><b>Context.</b> People in no list are found where Arabic news puts names: after a title and
 *       what qualifies it («المبعوث الخاص للرئيس الروسي X», «المتحدث باسم الكرملين X»), after a speech
 *       verb («وأضاف X»), before an apposition («X، رئيس منظمة...»), and after a known given name.
 *       Arabic has no capitals, so a name is a run of one to three tokens that are not stop words,
 *       cue words or known non-names; one token is enough only when it is a known name.</li>
 *   <li><b>Surnames.</b> A person found from context is found again by surname alone
 *       («كسينيا كاريلينا» ... «سراح كاريلينا»).</li>
 * </ol>
 *
 * <p>Immutable and thread-safe; all lists are built at construction.
 */
public final class EntityExtractor {

    public static final String TITLE = "title";
    public static final String BODY = "body";

    /** What lies between two tokens. */
    private static final byte GAP_SPACE = 0;
    private static final byte GAP_COMMA = 1;
    private static final byte GAP_BREAK = 2;

    /**
     * Shortest reading looked up by skeleton: a shorter word has too few letters for its skeleton to
     * tell a name (and half of all Arabic words are that short).
     */
    private static final int MIN_SKELETON_READING = 5;
    private static final int MAX_NAME_TOKENS = 3;
    private static final int MAX_NAME_TOKENS_WITH_CONNECTORS = 7;
    private static final int MAX_TITLE_CHAIN = 7;

    private final EntityGazetteer gazetteer;
    private final PersonCues cues;
    private final ProtectedWords knownNames;

    public EntityExtractor() {
        this(EntityGazetteer.defaults());
    }

    public EntityExtractor(EntityGazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer);
        this.cues = PersonCues.defaults();
        this.knownNames = ProtectedWords.defaults();
    }

    public EntityGazetteer gazetteer() {
        return gazetteer;
    }

    /** Entities of a text without title. */
    public List<ExtractedEntity> extract(String body) {
        return extract(TokenizedText.empty(), TokenizedText.of(body));
    }

    /**
     * Entities of a document, most salient first; mention offsets are into the original title and
     * body.
     */
    public List<ExtractedEntity> extract(TokenizedText title, TokenizedText body) {
        Field[] fields = {new Field(TITLE, title), new Field(BODY, body)};
        for (Field f : fields) {
            matchGazetteer(f);
        }
        Map<String, Discovered> discovered = new LinkedHashMap<>();
        for (Field f : fields) {
            findPeopleFromContext(f, discovered);
        }
        if (!discovered.isEmpty()) {
            Map<String, String> surnames = mergeDiscovered(discovered, fields);
            for (Field f : fields) {
                findSurnames(f, surnames);
            }
        }
        return aggregate(fields, discovered, body.text().length());
    }

    // ---- pass 1: gazetteer ------------------------------------------------------------------------

    private void matchGazetteer(Field f) {
        List<Token> tokens = f.tokens;
        int n = tokens.size();
        String[] keys = new String[NameForms.MAX_READINGS];
        int[] dropped = new int[NameForms.MAX_READINGS];
        int i = 0;
        while (i < n) {
            Token t = tokens.get(i);
            int readings = NameForms.readings(t.normalized(), keys, dropped);
            int bestEnd = -1;
            int bestDrop = 0;
            PhraseTrie.Node bestNode = null;
            for (int r = 0; r < readings; r++) {
                PhraseTrie.Node first = gazetteer.names().root().child(keys[r]);
                if (first == null) {
                    continue;
                }
                int end = walk(first, f, i, false);
                if (end > bestEnd) {
                    PhraseTrie.Node node = terminalAt(first, f, i, end, false);
                    if (caseMatches(node, f, i, end)) {
                        bestEnd = end;
                        bestDrop = dropped[r];
                        bestNode = node;
                    }
                }
            }
            if (t.isArabic()) {
                for (int r = 0; r < readings; r++) {
                    if (keys[r].length() < MIN_SKELETON_READING) {
                        continue;
                    }
                    String sk = NameForms.skeleton(keys[r]);
                    PhraseTrie.Node first = gazetteer.skeletons().root().child(sk);
                    if (first == null || ArabicStopWords.isStopWord(keys[r])) {
                        continue;
                    }
                    int end = walk(first, f, i, true);
                    if (end > bestEnd && (end - i >= 2 || sk.length() >= 4)) {
                        bestEnd = end;
                        bestDrop = dropped[r];
                        bestNode = terminalAt(first, f, i, end, true);
                    }
                }
            }
            if (bestNode == null) {
                i++;
                continue;
            }
            if (bestNode.entry == PhraseTrie.BLOCKED) {
                i = bestEnd; // a common phrase that contains a name (مسقط رأسه «birthplace»)
                continue;
            }
            Span span = new Span(i, bestEnd, t.originalOffset(bestDrop), tokens.get(bestEnd - 1).end());
            span.entry = bestNode.entry;
            span.demonym = bestNode.demonym;
            f.add(span);
            i = bestEnd;
        }
    }

    /**
     * Follows the trie from the node of token {@code i} over the next tokens, as long as only
     * spaces separate them; returns the end (exclusive token index) of the longest terminal, or -1.
     */
    private int walk(PhraseTrie.Node first, Field f, int i, boolean skeleton) {
        PhraseTrie.Node node = first;
        int lastEnd = node.isMatch() ? i + 1 : -1;
        int j = i + 1;
        while (j < f.tokens.size() && node.hasChildren() && f.gaps[j] == GAP_SPACE) {
            String key = f.tokens.get(j).normalized();
            node = node.child(skeleton ? NameForms.skeleton(key) : key);
            if (node == null) {
                break;
            }
            if (node.isMatch()) {
                lastEnd = j + 1;
            }
            j++;
        }
        return lastEnd;
    }

    private PhraseTrie.Node terminalAt(PhraseTrie.Node first, Field f, int i, int end, boolean skeleton) {
        PhraseTrie.Node node = first;
        for (int j = i + 1; j < end; j++) {
            String key = f.tokens.get(j).normalized();
            node = node.child(skeleton ? NameForms.skeleton(key) : key);
        }
        return node;
    }

    private static boolean caseMatches(PhraseTrie.Node node, Field f, int from, int to) {
        if (node.latinCase == PhraseTrie.CASE_ANY) {
            return true;
        }
        if (node.latinCase == PhraseTrie.CASE_CAPITALIZED) {
            return Character.isUpperCase(f.tokens.get(from).surface().charAt(0));
        }
        for (int k = from; k < to; k++) {
            String s = f.tokens.get(k).surface();
            for (int c = 0; c < s.length(); c++) {
                if (Character.isLowerCase(s.charAt(c))) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---- pass 2: people from context -------------------------------------------------------------

    private void findPeopleFromContext(Field f, Map<String, Discovered> discovered) {
        List<Token> tokens = f.tokens;
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            if (f.cover[i] != null || !tokens.get(i).isArabic()) {
                continue;
            }
            String s = tokens.get(i).normalized();
            int nameStart = -1;
            int nameEnd = -1;
            if (cues.isTitle(s)) {
                int j = skipTitleChain(f, i + 1);
                if (j > 0) {
                    int end = nameRun(f, j, true);
                    if (end > 0) {
                        nameStart = j;
                        nameEnd = end;
                    }
                }
                if (nameStart < 0 && i > 0 && f.gaps[i] == GAP_COMMA) {
                    int start = nameRunBackwards(f, i - 1);
                    if (start >= 0) {
                        nameStart = start;
                        nameEnd = i;
                    }
                }
            } else if (cues.isSpeechVerb(s)) {
                int j = i + 1;
                if (j < n && f.gaps[j] == GAP_SPACE && f.cover[j] == null && !cues.isTitle(tokens.get(j).normalized())) {
                    int end = nameRun(f, j, true);
                    if (end > 0) {
                        nameStart = j;
                        nameEnd = end;
                    }
                }
            } else if (cues.isGivenName(s)) {
                int end = nameRun(f, i, false);
                if (end > 0) {
                    nameStart = i;
                    nameEnd = end;
                }
            }
            if (nameStart < 0) {
                continue;
            }
            Span span = new Span(nameStart, nameEnd, tokens.get(nameStart).start(), tokens.get(nameEnd - 1).end());
            StringBuilder key = new StringBuilder();
            List<String> nameTokens = new ArrayList<>(nameEnd - nameStart);
            for (int k = nameStart; k < nameEnd; k++) {
                nameTokens.add(tokens.get(k).normalized());
                key.append(k == nameStart ? "" : "-").append(tokens.get(k).normalized());
            }
            span.person = key.toString();
            f.add(span);
            String surface = f.text.substring(span.start, span.end);
            discovered.computeIfAbsent(span.person, k -> new Discovered(nameTokens, surface));
            i = Math.max(i, nameEnd - 1);
        }
    }

    /**
     * From the token after a title, skips what qualifies the title (الخاص، باسم، الخارجية، a
     * demonym, a place or organization, another title) and returns where the name may start, or
     * -1 when the chain runs into a known person, punctuation or the end.
     */
    private int skipTitleChain(Field f, int j) {
        int n = f.tokens.size();
        for (int steps = 0; j < n && steps < MAX_TITLE_CHAIN; steps++) {
            byte gap = f.gaps[j];
            Span covering = f.cover[j];
            if (covering != null) {
                if (gap == GAP_BREAK || covering.person != null || isPerson(covering)) {
                    return -1;
                }
                j = covering.lastToken;
                continue;
            }
            String s = f.tokens.get(j).normalized();
            if (gap == GAP_SPACE && (cues.isTitle(s) || cues.isComplement(s))) {
                j++;
                continue;
            }
            return gap == GAP_BREAK ? -1 : j;
        }
        return -1;
    }

    private boolean isPerson(Span span) {
        return span.entry >= 0 && gazetteer.entry(span.entry).type() == EntityType.PERSON;
    }

    /**
     * End (exclusive) of a name of one to three tokens starting at {@code j}, or -1. A single token
     * is a name only after a cue and when it is a known name; a name never starts with the article,
     * and continues with one only after a given name (أحمد الشرع).
     */
    private int nameRun(Field f, int j, boolean singleAllowed) {
        int n = f.tokens.size();
        String first = f.tokens.get(j).normalized();
        if (!isNameLike(f, j) || first.startsWith("ال") || cues.isConnector(first) && !cues.isGivenName(first)) {
            return -1;
        }
        boolean givenFirst = cues.isGivenName(first);
        int names = 1;
        int k = j + 1;
        // Connectors (بن، عبد، آل، أبو) join the parts of an Arabic name without counting as one, so
        // «محمد بن عبد الرحمن آل ثاني» is one name; the word after عبد is part of it (عبد الرحمن).
        while (k < n && k - j < MAX_NAME_TOKENS_WITH_CONNECTORS && f.gaps[k] == GAP_SPACE && isNameLike(f, k)) {
            String s = f.tokens.get(k).normalized();
            boolean connector = cues.isConnector(s);
            boolean compound = cues.isConnector(f.tokens.get(k - 1).normalized());
            if (s.startsWith("ال") && !givenFirst && !compound) {
                break;
            }
            if (!connector && !compound) {
                if (names == MAX_NAME_TOKENS) {
                    break;
                }
                names++;
            }
            k++;
        }
        while (k > j + 1 && cues.isConnector(f.tokens.get(k - 1).normalized())) {
            k--; // a name does not end with بن or عبد
        }
        if (k - j >= 2) {
            return k;
        }
        return singleAllowed && (givenFirst || knownNames.contains(first)) ? k : -1;
    }

    /** Start of a name of two or three tokens ending at {@code last} («دانا وايت، رئيس...»), or -1. */
    private int nameRunBackwards(Field f, int last) {
        int k = last;
        while (k >= 0 && last - k < MAX_NAME_TOKENS && isNameLike(f, k) && (k == last || f.gaps[k + 1] == GAP_SPACE)) {
            k--;
        }
        int start = k + 1;
        if (last - start + 1 < 2 || f.tokens.get(start).normalized().startsWith("ال")) {
            return -1;
        }
        return start;
    }

    private boolean isNameLike(Field f, int k) {
        if (f.cover[k] != null) {
            return false;
        }
        Token t = f.tokens.get(k);
        String s = t.normalized();
        if (!t.isArabic() || s.length() < 2) {
            return false;
        }
        if (cues.isTitle(s) || cues.isSpeechVerb(s) || cues.isContinuation(s) || cues.isComplement(s)) {
            return false;
        }
        // A glued preposition or conjunction in front of a known word (بمسؤولين، والأسبوع) ends a name;
        // a name that merely starts with و or ب (وايت، بيسكوف) reads as nothing known without it.
        String[] keys = new String[NameForms.MAX_READINGS];
        int[] dropped = new int[NameForms.MAX_READINGS];
        int readings = NameForms.readings(s, keys, dropped);
        for (int r = 0; r < readings; r++) {
            String reading = keys[r];
            if (ArabicStopWords.isStopWord(reading) || cues.isNotName(reading)
                    || reading.startsWith("ال") && cues.isNotName(reading.substring(2))) {
                return false;
            }
        }
        return true;
    }

    // ---- pass 3: surnames -------------------------------------------------------------------------

    /**
     * Folds a one-token person into the longer person it is the surname of, and returns the
     * surnames to look for (surname → person key); a surname two people share is dropped.
     */
    private Map<String, String> mergeDiscovered(Map<String, Discovered> discovered, Field[] fields) {
        Map<String, String> surnames = new HashMap<>();
        for (Discovered d : discovered.values()) {
            if (d.tokens.size() >= 2) {
                String surname = d.tokens.get(d.tokens.size() - 1);
                if (surname.length() >= 3 && !cues.isGivenName(surname)) {
                    String key = String.join("-", d.tokens);
                    String other = surnames.putIfAbsent(surname, key);
                    if (other != null && !other.equals(key)) {
                        surnames.put(surname, null);
                    }
                }
            }
        }
        surnames.values().removeIf(Objects::isNull);
        Map<String, String> renamed = new HashMap<>();
        for (Map.Entry<String, Discovered> e : discovered.entrySet()) {
            if (e.getValue().tokens.size() == 1) {
                String longer = surnames.get(e.getKey());
                if (longer != null) {
                    renamed.put(e.getKey(), longer);
                } else {
                    surnames.putIfAbsent(e.getKey(), e.getKey());
                }
            }
        }
        if (!renamed.isEmpty()) {
            discovered.keySet().removeAll(renamed.keySet());
            for (Field f : fields) {
                for (Span s : f.spans) {
                    if (s.person != null && renamed.containsKey(s.person)) {
                        s.person = renamed.get(s.person);
                    }
                }
            }
        }
        return surnames;
    }

    private void findSurnames(Field f, Map<String, String> surnames) {
        String[] keys = new String[NameForms.MAX_READINGS];
        int[] dropped = new int[NameForms.MAX_READINGS];
        for (int i = 0; i < f.tokens.size(); i++) {
            Token t = f.tokens.get(i);
            if (f.cover[i] != null || !t.isArabic()) {
                continue;
            }
            int readings = NameForms.readings(t.normalized(), keys, dropped);
            for (int r = 0; r < readings; r++) {
                String person = surnames.get(keys[r]);
                if (person != null) {
                    Span span = new Span(i, i + 1, t.originalOffset(dropped[r]), t.end());
                    span.person = person;
                    f.add(span);
                    break;
                }
            }
        }
    }

    // ---- result -----------------------------------------------------------------------------------

    private List<ExtractedEntity> aggregate(Field[] fields, Map<String, Discovered> discovered, int bodyLength) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Field f : fields) {
            f.spans.sort(Comparator.comparingInt(s -> s.start));
            for (Span s : f.spans) {
                String id;
                Group g;
                if (s.person != null) {
                    id = ExtractedEntity.DISCOVERED_PERSON_PREFIX + s.person;
                    g = groups.computeIfAbsent(id, k -> new Group(k, EntityType.PERSON, discovered.get(s.person).surface, null));
                } else {
                    EntityEntry e = gazetteer.entry(s.entry);
                    g = groups.computeIfAbsent(e.id(), k -> new Group(k, e.type(), e.nameAr(), e.nameEn()));
                }
                g.mentions.add(new EntityMention(f.name, s.start, s.end, f.text.substring(s.start, s.end)));
                g.weight += s.demonym ? 0.5 : 1.0;
                if (f.name.equals(TITLE)) {
                    g.inTitle = true;
                    g.firstPosition = 0.0;
                } else if (g.firstPosition > 1.0) {
                    g.firstPosition = bodyLength == 0 ? 0.0 : s.start / (double) bodyLength;
                }
            }
        }
        double maxWeight = 0;
        for (Group g : groups.values()) {
            maxWeight = Math.max(maxWeight, g.weight);
        }
        List<ExtractedEntity> out = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            double salience = 0.5 * g.weight / maxWeight + 0.3 * (1.0 - Math.min(1.0, g.firstPosition))
                    + (g.inTitle ? 0.2 : 0.0);
            out.add(new ExtractedEntity(g.id, g.type, g.nameAr, g.nameEn, g.mentions, Math.round(salience * 1000) / 1000.0));
        }
        out.sort(Comparator.comparingDouble(ExtractedEntity::salience).reversed());
        return out;
    }

    private static final class Group {
        final String id;
        final EntityType type;
        final String nameAr;
        final String nameEn;
        final List<EntityMention> mentions = new ArrayList<>();
        double weight;
        double firstPosition = 2.0;
        boolean inTitle;

        Group(String id, EntityType type, String nameAr, String nameEn) {
            this.id = id;
            this.type = type;
            this.nameAr = nameAr;
            this.nameEn = nameEn;
        }
    }

    /** A person found from context: the normalized name tokens and the name as first written. */
    private record Discovered(List<String> tokens, String surface) {
    }

    /** A mention being built: tokens [firstToken, lastToken), original chars [start, end). */
    private static final class Span {
        final int firstToken;
        final int lastToken;
        final int start;
        final int end;
        int entry = -1;
        boolean demonym;
        /** Key of a person found from context, or null for a gazetteer entry. */
        String person;

        Span(int firstToken, int lastToken, int start, int end) {
            this.firstToken = firstToken;
            this.lastToken = lastToken;
            this.start = start;
            this.end = end;
        }
    }

    /** One field's tokens, what separates them, and which token belongs to which mention. */
    private static final class Field {
        final String name;
        final String text;
        final List<Token> tokens;
        final byte[] gaps;
        final Span[] cover;
        final List<Span> spans = new ArrayList<>();

        Field(String name, TokenizedText tokenized) {
            this.name = name;
            this.text = tokenized.text();
            this.tokens = tokenized.tokens();
            this.gaps = gaps(text, tokens);
            this.cover = new Span[tokens.size()];
        }

        void add(Span span) {
            spans.add(span);
            for (int k = span.firstToken; k < span.lastToken; k++) {
                cover[k] = span;
            }
        }

        /** gaps[i]: what lies between token i-1 and token i (gaps[0] is a break). */
        private static byte[] gaps(String text, List<Token> tokens) {
            byte[] gaps = new byte[tokens.size()];
            if (gaps.length > 0) {
                gaps[0] = GAP_BREAK;
            }
            for (int i = 1; i < gaps.length; i++) {
                gaps[i] = gap(text, tokens.get(i - 1).end(), tokens.get(i).start());
            }
            return gaps;
        }

        private static byte gap(String text, int from, int to) {
            boolean comma = false;
            for (int k = from; k < to; k++) {
                char c = text.charAt(k);
                switch (c) {
                    case ' ': case '\t': case '\u00A0': case '\u0640': case '\u200B': case '\u200C': case '\u200D':
                    case '\u200E': case '\u200F': case '\u061C': case '\u202A': case '\u202B': case '\u202C':
                    case '\u202D': case '\u202E': case '\u2066': case '\u2067': case '\u2068': case '\u2069':
                    case '\uFEFF': case '\u2009': case '\u202F':
                        break;
                    case ',': case '\u060C':
                        if (comma) {
                            return GAP_BREAK;
                        }
                        comma = true;
                        break;
                    default:
                        return GAP_BREAK;
                }
            }
            return comma ? GAP_COMMA : GAP_SPACE;
        }
    }
}
