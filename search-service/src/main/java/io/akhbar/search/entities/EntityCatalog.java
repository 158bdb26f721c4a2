package io.akhbar.search.entities;

import java.util.List;
import java.util.Optional;

/** The entities search knows by name: the shared gazetteer, seen through the few calls search needs. */
public interface EntityCatalog {

    /** The entity that {@code spelling} (Arabic or English, any known variant) names, if any. */
    Optional<KnownEntity> lookup(String spelling);

    /** The entity with this id ({@code person:vladimir-putin}), if the gazetteer has it. */
    Optional<KnownEntity> byId(String id);

    /** Entities with a name or alias starting with {@code prefix}, best first. */
    List<KnownEntity> complete(String prefix, int limit);
}
