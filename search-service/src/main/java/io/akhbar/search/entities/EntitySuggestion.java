package io.akhbar.search.entities;

/** @param articles indexed articles that carry the entity */
record EntitySuggestion(String id, String type, String nameAr, String nameEn, long articles) {

    EntitySuggestion withArticles(long count) {
        return new EntitySuggestion(id, type, nameAr, nameEn, count);
    }
}
