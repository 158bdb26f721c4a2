package io.akhbar.search.query;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.akhbar.search.entities.KnownEntity;

import java.util.List;

/**
 * One part of a parsed query, as {@code GET /api/v1/search/explain} shows it. Words and phrases keep the text as typed
 * (Elasticsearch analyzes it with the index's analyzer) and its normalized form (what the entity and variant look-ups
 * used).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Clause.Word.class, name = "word"),
        @JsonSubTypes.Type(value = Clause.Phrase.class, name = "phrase"),
        @JsonSubTypes.Type(value = Clause.Entity.class, name = "entity"),
        @JsonSubTypes.Type(value = Clause.AnyOf.class, name = "anyOf")})
sealed interface Clause {

    /**
     * @param stopWord true for words too common to search for (في, من, عن): they are skipped unless the query has
     *                 nothing else
     * @param variants other spellings of the word that are searched too (الأمريكي → الأميركي)
     * @param gluedForms the word with a glued conjunction or preposition (لوقف, بوقف for وقف), also searched: the
     *                   index analyzer keeps a lone و ف ب ك ل because it cannot tell it from a first letter
     */
    record Word(String text, String normalized, boolean stopWord, List<String> variants, List<String> gluedForms)
            implements Clause {
    }

    /**
     * Words that must appear together in this order ("…" in the query).
     *
     * @param variants the same phrase with other spellings of its words ("الرئيس ترمب" → "الرئيس ترامب"), also searched
     */
    record Phrase(String text, String normalized, List<String> variants) implements Clause {
    }

    /**
     * Words that name a known person, place or organization: they match the words themselves, any spelling of the
     * entity in any language, and articles whose enrichment tagged the entity.
     */
    record Entity(String text, String normalized, KnownEntity entity, List<String> spellings) implements Clause {
    }

    /** {@code a OR b}: at least one of them. */
    record AnyOf(List<Clause> alternatives) implements Clause {
    }
}
