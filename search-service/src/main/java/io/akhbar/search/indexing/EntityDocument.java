package io.akhbar.search.indexing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.akhbar.arabic.ArabicNormalizer;
import io.akhbar.arabic.Whitespace;
import io.akhbar.contracts.ArticleEnriched.Entity;
import io.akhbar.contracts.ArticleEnriched.Mention;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One entity of an article, a nested document so that facets and filters see its id, type and names together.
 *
 * @param names every spelling seen for it, normalized: the Arabic and English names and the surfaces of its mentions;
 *              filters by name and index-side autocomplete match these exactly or by prefix
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EntityDocument(
        String id, String type, String nameAr, String nameEn, List<String> names, int mentionCount, double salience,
        List<Mention> mentions) {

    private static final int MAX_NAMES = 16;

    /** Without {@link #names}: {@link ArticleDocument#upgraded()} computes them, with every other derived field. */
    static EntityDocument of(Entity entity) {
        return new EntityDocument(entity.id(), entity.type().name(), entity.nameAr(), entity.nameEn(), null,
                entity.mentionCount(), entity.salience(), entity.mentions());
    }

    /** Recomputes {@link #names}; documents copied from an index version that had none get them here. */
    EntityDocument withNames() {
        // An entity is mostly mentioned by the same few surfaces: normalize each of them once.
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(nameAr);
        spellings.add(nameEn);
        if (mentions != null) {
            mentions.forEach(mention -> spellings.add(mention.surface()));
        }
        Set<String> all = new LinkedHashSet<>();
        for (String spelling : spellings) {
            if (spelling != null && !spelling.isBlank()) {
                all.add(normalizeName(spelling));
            }
        }
        List<String> limited = new ArrayList<>(all).subList(0, Math.min(all.size(), MAX_NAMES));
        return new EntityDocument(id, type, nameAr, nameEn, List.copyOf(limited), mentionCount, salience, mentions);
    }

    /** The same normalization as queries: ترمب and ترمبْ, Putin and PUTIN are one name. */
    public static String normalizeName(String name) {
        return Whitespace.collapse(ArabicNormalizer.normalize(name).strip());
    }
}
