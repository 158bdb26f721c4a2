package io.akhbar.search.query;

import java.util.List;

/** The search request's query parameters as received, before any checking. */
record SearchParameters(String q, List<String> person, List<String> place, List<String> org, List<String> entity,
        List<String> source, List<String> lang, String from, String to, String sort, Integer size, String cursor) {

    SearchParameters {
        person = orEmpty(person);
        place = orEmpty(place);
        org = orEmpty(org);
        entity = orEmpty(entity);
        source = orEmpty(source);
        lang = orEmpty(lang);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
