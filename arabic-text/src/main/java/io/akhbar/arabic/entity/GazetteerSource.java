package io.akhbar.arabic.entity;

import io.akhbar.arabic.ArabicNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the gazetteer resources: {@code places-cldr.tsv} (generated from CLDR: countries, cities)
 * and {@code entities.tsv} (curated: people, organizations, place variants, demonyms), merged by id,
 * the curated file winning.
 */
final class GazetteerSource {

    static final String PLACES_RESOURCE = "places-cldr.tsv";
    static final String CURATED_RESOURCE = "entities.tsv";

    /** Rank of an entry when two claim the same spelling: lower wins. */
    static final int RANK_CURATED = 0;
    static final int RANK_COUNTRY = 1;
    static final int RANK_CITY = 2;

    private static final String BLOCK = "!block";

    /**
     * An entry with the rank its spellings carry, and the normalized spellings that name it but are
     * never matched in running text because they are also common words (مالي «financial»).
     */
    record Ranked(EntityEntry entry, int rank, Set<String> unmatched) {
    }

    private GazetteerSource() {
    }

    static List<Ranked> load() {
        Map<String, Builder> byId = new LinkedHashMap<>();
        readTsv(PLACES_RESOURCE, columns -> {
            // id, type, source, name_en, name_ar
            Builder b = new Builder(columns[0], EntityType.valueOf(columns[1]));
            b.rank = columns[2].startsWith("country:") ? RANK_COUNTRY : RANK_CITY;
            b.nameEn = columns[3];
            b.nameAr = columns[4];
            byId.put(b.id, b);
        });
        readTsv(CURATED_RESOURCE, columns -> {
            // id, type, name_en, name_ar, aliases, demonyms
            String id = columns[0];
            if (id.equals(BLOCK)) {
                return;
            }
            EntityType type = EntityType.valueOf(columns[1]);
            Builder b = byId.computeIfAbsent(id, k -> new Builder(k, type));
            if (b.type != type) {
                throw new IllegalStateException(CURATED_RESOURCE + ": " + id + " is " + b.type + " in " + PLACES_RESOURCE);
            }
            b.rank = RANK_CURATED;
            String nameEn = column(columns, 2);
            String nameAr = column(columns, 3);
            if (!nameEn.isEmpty() && !nameEn.equals("-")) {
                if (b.nameEn != null && !b.nameEn.equals(nameEn)) {
                    b.aliases.add(b.nameEn);
                }
                b.nameEn = nameEn;
            }
            if (!nameAr.isEmpty() && !nameAr.equals("-")) {
                if (b.nameAr != null && !b.nameAr.equals(nameAr)) {
                    b.aliases.add(b.nameAr);
                }
                b.nameAr = nameAr;
            }
            for (String alias : split(column(columns, 4))) {
                if (alias.startsWith("!")) {
                    b.unmatched.add(ArabicNormalizer.normalize(alias.substring(1).strip()));
                } else {
                    b.aliases.add(alias);
                }
            }
            b.demonyms.addAll(split(column(columns, 5)));
        });
        List<Ranked> out = new ArrayList<>(byId.size());
        for (Builder b : byId.values()) {
            if (b.nameAr == null) {
                throw new IllegalStateException(CURATED_RESOURCE + ": " + b.id + " has no Arabic name");
            }
            b.aliases.remove(b.nameAr);
            out.add(new Ranked(new EntityEntry(b.id, b.type, b.nameAr, b.nameEn, List.copyOf(b.aliases),
                    List.copyOf(b.demonyms)), b.rank, Set.copyOf(b.unmatched)));
        }
        return out;
    }

    /**
     * Common phrases that contain a name but do not mean it (مسقط رأسه «his birthplace», not
     * Muscat): {@code !block} lines of the curated file.
     */
    static List<String> blockedPhrases() {
        List<String> phrases = new ArrayList<>();
        readTsv(CURATED_RESOURCE, columns -> {
            if (columns[0].equals(BLOCK)) {
                phrases.addAll(split(column(columns, 1)));
            }
        });
        return phrases;
    }

    private static String column(String[] columns, int i) {
        return i < columns.length ? columns[i].strip() : "";
    }

    private static List<String> split(String value) {
        if (value.isEmpty() || value.equals("-")) {
            return List.of();
        }
        return Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void readTsv(String resource, Consumer<String[]> row) {
        try (InputStream in = GazetteerSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/akhbar/arabic/entity/" + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                row.accept(line.split("\t"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/akhbar/arabic/entity/" + resource, e);
        }
    }

    /**
     * Sections of a word-list resource: {@code [name]} lines start a section; one entry per line,
     * '#' starts a comment.
     */
    static Map<String, List<String>> readSections(String resource) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        try (InputStream in = GazetteerSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/akhbar/arabic/entity/" + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> current = null;
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (entry.isEmpty()) {
                    continue;
                }
                if (entry.startsWith("[") && entry.endsWith("]")) {
                    current = sections.computeIfAbsent(entry.substring(1, entry.length() - 1), k -> new ArrayList<>());
                } else if (current != null) {
                    current.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/akhbar/arabic/entity/" + resource, e);
        }
        return sections;
    }

    private static final class Builder {
        final String id;
        final EntityType type;
        int rank;
        String nameEn;
        String nameAr;
        final Set<String> aliases = new LinkedHashSet<>();
        final Set<String> demonyms = new LinkedHashSet<>();
        final Set<String> unmatched = new HashSet<>();

        Builder(String id, EntityType type) {
            this.id = id;
            this.type = type;
        }
    }
}
