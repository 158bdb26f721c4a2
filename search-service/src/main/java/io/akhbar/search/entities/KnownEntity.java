package io.akhbar.search.entities;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A person, place or organization the gazetteer knows, with every spelling it goes by.
 *
 * @param type    PERSON, LOCATION or ORGANIZATION, as in the enriched articles
 * @param aliases  other spellings, Arabic and English (ترامب, ترمب, Trump…)
 * @param demonyms for countries: the nisba adjectives, masculine singular (أمريكي, أميركي); a word of the query that
 *                 is one of them is searched as the adjective in all its spellings, not as the country
 */
public record KnownEntity(String id, String type, String nameAr, String nameEn, List<String> aliases,
        List<String> demonyms) {

    public KnownEntity {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        demonyms = demonyms == null ? List.of() : List.copyOf(demonyms);
    }

    /** The names and aliases, each once, canonical names first. */
    public List<String> spellings() {
        Set<String> all = new LinkedHashSet<>();
        for (String name : names()) {
            if (name != null && !name.isBlank()) {
                all.add(name.strip());
            }
        }
        return List.copyOf(all);
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(nameAr);
        names.add(nameEn);
        names.addAll(aliases);
        return names;
    }
}
