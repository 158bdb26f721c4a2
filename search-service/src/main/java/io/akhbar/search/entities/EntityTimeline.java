package io.akhbar.search.entities;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/entities/{id}/timeline}.
 *
 * @param days every day (UTC) from the first to the last article that carries the entity, empty days included
 */
record EntityTimeline(Entity entity, List<Day> days) {

    record Entity(String id, String type, String nameAr, String nameEn) {
    }

    /** @param mentions times the articles of that day mention the entity */
    record Day(String date, long articles, long mentions) {
    }
}
