package io.akhbar.search.entities;

import io.akhbar.arabic.entity.EntityEntry;
import io.akhbar.arabic.entity.EntityGazetteer;

import java.util.List;
import java.util.Optional;

/** The shared gazetteer of arabic-text, the same one the NLP service tags articles with. */
final class GazetteerEntityCatalog implements EntityCatalog {

    private final EntityGazetteer gazetteer;

    GazetteerEntityCatalog(EntityGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public Optional<KnownEntity> lookup(String spelling) {
        return gazetteer.lookup(spelling).map(GazetteerEntityCatalog::known);
    }

    @Override
    public Optional<KnownEntity> byId(String id) {
        return gazetteer.byId(id).map(GazetteerEntityCatalog::known);
    }

    @Override
    public List<KnownEntity> complete(String prefix, int limit) {
        return gazetteer.complete(prefix, limit).stream().map(GazetteerEntityCatalog::known).toList();
    }

    private static KnownEntity known(EntityEntry entry) {
        return new KnownEntity(entry.id(), entry.type().name(), entry.nameAr(), entry.nameEn(), entry.aliases(),
                entry.demonyms());
    }
}
