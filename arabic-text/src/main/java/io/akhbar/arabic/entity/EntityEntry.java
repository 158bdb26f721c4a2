package io.akhbar.arabic.entity;

import java.util.List;
import java.util.Objects;

/**
 * One entity of the {@link EntityGazetteer}.
 *
 * @param id       stable, lowercase: {@code person:vladimir-putin}, {@code location:ru} (a country by its
 *                 ISO code), {@code location:moscow}, {@code organization:nato}
 * @param type     what it is
 * @param nameAr   canonical Arabic name
 * @param nameEn   English name
 * @param aliases  other spellings as written in the sources, Arabic and English (ترمب, Trump...)
 * @param demonyms nisba adjectives that refer to a country (روسي, أمريكي), masculine singular; empty
 *                 for anything but countries and regions
 */
public record EntityEntry(String id, EntityType type, String nameAr, String nameEn, List<String> aliases,
                          List<String> demonyms) {

    public EntityEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(nameAr, "nameAr");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        demonyms = demonyms == null ? List.of() : List.copyOf(demonyms);
    }

    public EntityEntry(String id, EntityType type, String nameAr, String nameEn, List<String> aliases) {
        this(id, type, nameAr, nameEn, aliases, List.of());
    }
}
