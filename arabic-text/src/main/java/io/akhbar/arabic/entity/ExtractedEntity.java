package io.akhbar.arabic.entity;

import java.util.List;

/**
 * An entity found in a document, with all its mentions.
 *
 * @param id       the gazetteer id ({@code person:vladimir-putin}), the same for every spelling; for a
 *                 person found from context only, {@code person:x-} and the normalized name with
 *                 hyphens ({@code person:x-كسينيا-كاريلينا})
 * @param nameAr   canonical Arabic name; for a person found from context, the name as first written
 * @param nameEn   English name, null for a person found from context
 * @param mentions in document order, title first
 * @param salience 0..1: how central the entity is (mentions, how early, whether in the title)
 */
public record ExtractedEntity(String id, EntityType type, String nameAr, String nameEn,
                              List<EntityMention> mentions, double salience) {

    /** Prefix of the ids of people found from context, who are in no gazetteer. */
    public static final String DISCOVERED_PERSON_PREFIX = "person:x-";

    public ExtractedEntity {
        mentions = List.copyOf(mentions);
    }

    public int mentionCount() {
        return mentions.size();
    }

    /** True when the entity comes from the gazetteer, false for a person found from context. */
    public boolean isKnown() {
        return !id.startsWith(DISCOVERED_PERSON_PREFIX);
    }
}
