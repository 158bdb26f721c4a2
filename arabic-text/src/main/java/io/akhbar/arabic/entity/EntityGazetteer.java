package io.akhbar.arabic.entity;

import io.akhbar.arabic.entity.GazetteerSource.Ranked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * People, places and organizations with every spelling they are known by, for finding them in text
 * ({@link EntityExtractor}) and in queries ({@link #lookup(String)}, {@link #complete(String, int)}).
 *
 * <p>The default gazetteer joins the CLDR names of countries and cities ({@code places-cldr.tsv},
 * generated from the JDK's locale data) with a curated list of people, organizations, place
 * variants and demonyms ({@code entities.tsv}); see those files for the format. Spellings are
 * compared after {@link io.akhbar.arabic.ArabicNormalizer normalization} (so أ/ا, ة/ه, ى/ي never
 * matter) and Latin ones case-insensitively. When two entries claim one spelling, the curated one
 * wins over a country, a country over a city.
 *
 * <p>Immutable and thread-safe; {@link #defaults()} is built once (a few milliseconds, well under
 * a megabyte of heap) and shared.
 */
public final class EntityGazetteer {

    private static final class Defaults {
        static final EntityGazetteer INSTANCE = new EntityGazetteer(GazetteerSource.load(), GazetteerSource.blockedPhrases());
    }

    private static final byte KIND_NAME = 0;
    private static final byte KIND_ALIAS = 1;
    private static final byte KIND_INNER_WORD = 2;

    private final EntityEntry[] entries;
    private final int[] ranks;
    private final Map<String, Integer> byId;
    private final PhraseTrie names = new PhraseTrie();
    private final PhraseTrie skeletons = new PhraseTrie();
    /** Whole normalized spellings (tokens joined by one space), demonym forms included, for lookup. */
    private final Map<String, Integer> byForm = new HashMap<>();
    private final Map<String, Integer> bySkeleton = new HashMap<>();
    private final String[] completionKeys;
    private final int[] completionEntries;
    private final byte[] completionKinds;

    private EntityGazetteer(List<Ranked> ranked, List<String> blockedPhrases) {
        int n = ranked.size();
        entries = new EntityEntry[n];
        ranks = new int[n];
        byId = new HashMap<>(n * 2);
        List<Object[]> completions = new ArrayList<>(n * 6);
        for (int i = 0; i < n; i++) {
            EntityEntry e = ranked.get(i).entry();
            int rank = ranked.get(i).rank();
            Set<String> unmatched = ranked.get(i).unmatched();
            if (byId.putIfAbsent(e.id(), i) != null) {
                throw new IllegalArgumentException("duplicate entity id " + e.id());
            }
            entries[i] = e;
            ranks[i] = rank;
            addName(i, rank, e.nameAr(), KIND_NAME, unmatched, completions);
            if (e.nameEn() != null) {
                addName(i, rank, e.nameEn(), KIND_NAME, unmatched, completions);
            }
            for (String alias : e.aliases()) {
                addName(i, rank, alias, KIND_ALIAS, unmatched, completions);
            }
            for (String demonym : e.demonyms()) {
                for (String form : NameForms.demonymForms(demonym)) {
                    names.add(List.of(form), i, rank, true, PhraseTrie.CASE_ANY);
                    putBetter(byForm, form, i);
                }
            }
        }
        for (String phrase : blockedPhrases) {
            names.add(NameForms.tokens(phrase), PhraseTrie.BLOCKED, Integer.MIN_VALUE, false, PhraseTrie.CASE_ANY);
        }
        completions.sort(Comparator.comparing(c -> (String) c[0]));
        completionKeys = new String[completions.size()];
        completionEntries = new int[completions.size()];
        completionKinds = new byte[completions.size()];
        for (int k = 0; k < completions.size(); k++) {
            Object[] c = completions.get(k);
            completionKeys[k] = (String) c[0];
            completionEntries[k] = (Integer) c[1];
            completionKinds[k] = (Byte) c[2];
        }
    }

    /** The shipped gazetteer: CLDR countries and cities plus the curated entities. */
    public static EntityGazetteer defaults() {
        return Defaults.INSTANCE;
    }

    /** A gazetteer of exactly these entries; on a shared spelling the earlier entry wins for lookup. */
    public static EntityGazetteer of(Collection<EntityEntry> entries) {
        List<Ranked> ranked = new ArrayList<>(entries.size());
        for (EntityEntry e : entries) {
            ranked.add(new Ranked(e, GazetteerSource.RANK_CURATED, Set.of()));
        }
        return new EntityGazetteer(ranked, List.of());
    }

    /**
     * The entity known by this spelling: an Arabic name or variant in any normalization (ترمب,
     * ترامب, «حلف شمال الأطلسي»), with or without a glued conjunction or preposition (وبوتين,
     * للكرملين), an English name in any case ({@code putin}, {@code NATO}), a demonym (الروسية →
     * Russia), or an id. Falls back to the spelling skeleton for people and curated places, so an
     * unlisted transliteration (ديمتريييف) still resolves.
     */
    public Optional<EntityEntry> lookup(String anySpelling) {
        if (anySpelling == null || anySpelling.isBlank()) {
            return Optional.empty();
        }
        Integer byIdHit = byId.get(anySpelling.strip().toLowerCase(Locale.ROOT));
        if (byIdHit != null) {
            return Optional.of(entries[byIdHit]);
        }
        List<String> tokens = NameForms.tokens(anySpelling);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        Integer hit = byForm.get(String.join(" ", tokens));
        if (hit == null && tokens.size() == 1) {
            String[] keys = new String[NameForms.MAX_READINGS];
            int[] dropped = new int[NameForms.MAX_READINGS];
            int count = NameForms.readings(tokens.get(0), keys, dropped);
            for (int r = 1; r < count && hit == null; r++) {
                hit = byForm.get(keys[r]);
            }
        }
        if (hit == null) {
            List<String> sk = new ArrayList<>(tokens.size());
            for (String t : tokens) {
                sk.add(NameForms.skeleton(t));
            }
            hit = bySkeleton.get(String.join(" ", sk));
        }
        return hit == null || hit < 0 ? Optional.empty() : Optional.of(entries[hit]);
    }

    public Optional<EntityEntry> byId(String id) {
        Integer i = byId.get(id);
        return i == null ? Optional.empty() : Optional.of(entries[i]);
    }

    /**
     * Entities whose name, alias, or any word of them, starts with {@code prefix}, for
     * autocompletion: Arabic prefixes are normalized, English ones compared case-insensitively
     * ({@code "put"}, {@code "بوت"}, {@code "ترم"} all find Trump or Putin). Best first: a complete
     * match; then curated entries (the people and organizations in the news) before countries before
     * cities; then a match at the start of the canonical name, of an alias, of an inner word; then
     * shorter names.
     */
    public List<EntityEntry> complete(String prefix, int limit) {
        if (prefix == null || limit <= 0) {
            return List.of();
        }
        List<String> tokens = NameForms.tokens(prefix);
        if (tokens.isEmpty()) {
            return List.of();
        }
        String p = String.join(" ", tokens);
        int lo = Arrays.binarySearch(completionKeys, p);
        if (lo < 0) {
            lo = -lo - 1;
        }
        Map<Integer, Long> best = new HashMap<>();
        for (int k = lo; k < completionKeys.length && completionKeys[k].startsWith(p); k++) {
            int entry = completionEntries[k];
            long score = ((completionKeys[k].length() == p.length() ? 0L : 1L) << 40)
                    | ((long) ranks[entry] << 32) | ((long) completionKinds[k] << 16)
                    | Math.min(0xFFFF, entries[entry].nameAr().length());
            best.merge(entry, score, Math::min);
        }
        List<Map.Entry<Integer, Long>> ordered = new ArrayList<>(best.entrySet());
        ordered.sort(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        List<EntityEntry> out = new ArrayList<>(Math.min(limit, ordered.size()));
        for (int k = 0; k < ordered.size() && out.size() < limit; k++) {
            out.add(entries[ordered.get(k).getKey()]);
        }
        return out;
    }

    /** Every entry, in file order. */
    public List<EntityEntry> entries() {
        return Collections.unmodifiableList(Arrays.asList(entries));
    }

    public int size() {
        return entries.length;
    }

    PhraseTrie names() {
        return names;
    }

    PhraseTrie skeletons() {
        return skeletons;
    }

    EntityEntry entry(int index) {
        return entries[index];
    }

    private void addName(int i, int rank, String name, byte kind, Set<String> unmatched, List<Object[]> completions) {
        List<String> tokens = NameForms.tokens(name);
        if (tokens.isEmpty()) {
            return;
        }
        boolean latin = NameForms.isLatin(name);
        String key = String.join(" ", tokens);
        if (unmatched.contains(key)) {
            putBetter(byForm, key, i);
            completions.add(new Object[] {key, i, kind});
            return;
        }
        names.add(tokens, i, rank, false, latin ? latinCase(name) : PhraseTrie.CASE_ANY);
        putBetter(byForm, key, i);
        completions.add(new Object[] {key, i, kind});
        for (int pos = key.indexOf(' '); pos >= 0; pos = key.indexOf(' ', pos + 1)) {
            completions.add(new Object[] {key.substring(pos + 1), i, KIND_INNER_WORD});
        }
        if (!latin && hasSkeletonMatching(entries[i], rank) && !tokens.get(0).startsWith("ال")
                && (tokens.size() >= 2 || NameForms.skeleton(tokens.get(0)).length() >= 4)) {
            List<String> sk = new ArrayList<>(tokens.size());
            for (String t : tokens) {
                sk.add(NameForms.skeleton(t));
            }
            // Every skeleton has the same rank: two entries sharing one cancel each other out.
            skeletons.add(sk, i, 0, false, PhraseTrie.CASE_ANY);
            String skKey = String.join(" ", sk);
            Integer other = bySkeleton.putIfAbsent(skKey, i);
            if (other != null && other != i) {
                bySkeleton.put(skKey, PhraseTrie.AMBIGUOUS);
            }
        }
    }

    /**
     * Skeleton matching is for transliterated names, whose vowels wander: people, and the curated
     * places that are not countries. Country and common city names are Arabic words or close to
     * them (تركيا has the skeleton of تركا «they left»).
     */
    private static boolean hasSkeletonMatching(EntityEntry e, int rank) {
        return e.type() == EntityType.PERSON
                || (e.type() == EntityType.LOCATION && rank == GazetteerSource.RANK_CURATED
                    && e.id().length() > "location:xx".length());
    }

    private void putBetter(Map<String, Integer> map, String key, int entry) {
        Integer old = map.get(key);
        if (old == null || ranks[entry] < ranks[old]) {
            map.put(key, entry);
        }
    }

    /** All-capital acronyms (NATO, CNBC) must be all capitals in the text; other Latin names capitalized. */
    private static byte latinCase(String name) {
        int letters = 0;
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
                if (!Character.isUpperCase(c)) {
                    return PhraseTrie.CASE_CAPITALIZED;
                }
            }
        }
        return letters >= 2 ? PhraseTrie.CASE_UPPER : PhraseTrie.CASE_CAPITALIZED;
    }
}
