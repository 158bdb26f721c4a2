package io.akhbar.search.query;

import io.akhbar.search.entities.EntityCatalog;
import io.akhbar.search.entities.KnownEntity;
import io.akhbar.search.query.SearchCriteria.Filters;
import io.akhbar.search.query.SearchCriteria.NamedEntity;
import io.akhbar.search.query.SearchCriteria.Sort;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks every search parameter; each problem is a 400 that names the parameter. */
@Component
class SearchCriteriaParser {

    private static final int MAX_VALUES = 20;
    private static final int MAX_VALUE_LENGTH = 200;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final QueryProperties properties;
    private final QueryParser queries;
    private final EntityCatalog entities;
    private final CursorCodec cursors;

    SearchCriteriaParser(QueryProperties properties, QueryParser queries, EntityCatalog entities, CursorCodec cursors) {
        this.properties = properties;
        this.queries = queries;
        this.entities = entities;
        this.cursors = cursors;
    }

    SearchCriteria parse(SearchParameters parameters) {
        ParsedQuery query = queries.parse(parameters.q());
        Filters filters = filters(parameters);
        if (query.isEmpty() && filters.isEmpty()) {
            throw new InvalidQueryException("q", "must not be empty unless a filter is given");
        }
        Sort sort = sort(parameters.sort(), query);
        int size = Parameters.size("size", parameters.size(), properties.defaultPageSize(), properties.maxPageSize());
        Cursor cursor = null;
        if (parameters.cursor() != null) {
            cursor = cursors.decode(parameters.cursor());
            if (!cursor.queryKey().equals(cursors.queryKey(query, filters, sort))) {
                throw new InvalidQueryException("cursor", "belongs to another query; repeat the query, filters and sort "
                        + "of the page that returned it");
            }
        }
        return new SearchCriteria(query, filters, sort, size, cursor);
    }

    Filters filters(SearchParameters parameters) {
        List<String> entityIds = values("entity", parameters.entity()).stream()
                .map(id -> Parameters.entityId("entity", id))
                .toList();
        List<NamedEntity> named = new ArrayList<>();
        values("person", parameters.person()).forEach(name -> named.add(named("person", "PERSON", name)));
        values("place", parameters.place()).forEach(name -> named.add(named("place", "LOCATION", name)));
        values("org", parameters.org()).forEach(name -> named.add(named("org", "ORGANIZATION", name)));
        List<String> languages = values("lang", parameters.lang()).stream()
                .map(lang -> lang.toLowerCase(Locale.ROOT))
                .peek(lang -> {
                    if (!LANGUAGE.matcher(lang).matches()) {
                        throw new InvalidQueryException("lang", "must be an ISO 639 language code such as ar or en");
                    }
                })
                .toList();
        Parameters.DateRange dates = Parameters.range(parameters.from(), parameters.to());
        return new Filters(entityIds, List.copyOf(named), values("source", parameters.source()), languages,
                dates.from(), dates.to());
    }

    private NamedEntity named(String parameter, String type, String name) {
        String normalized = QueryParser.normalize(name);
        if (normalized.isEmpty()) {
            throw new InvalidQueryException(parameter, "must be a name");
        }
        String id = entities.lookup(name)
                .filter(entity -> type.equals(entity.type()))
                .map(KnownEntity::id)
                .orElse(null);
        return new NamedEntity(type, name.strip(), normalized, id);
    }

    private static Sort sort(String sort, ParsedQuery query) {
        if (sort == null || sort.isBlank()) {
            return query.required().isEmpty() ? Sort.NEWEST : Sort.RELEVANCE;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "relevance" -> Sort.RELEVANCE;
            case "newest" -> Sort.NEWEST;
            default -> throw new InvalidQueryException("sort", "must be relevance or newest");
        };
    }

    private static List<String> values(String parameter, List<String> values) {
        List<String> checked = values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        if (checked.size() > MAX_VALUES) {
            throw new InvalidQueryException(parameter, "may be given at most " + MAX_VALUES + " times");
        }
        if (checked.stream().anyMatch(v -> v.length() > MAX_VALUE_LENGTH)) {
            throw new InvalidQueryException(parameter, "must be at most " + MAX_VALUE_LENGTH + " characters");
        }
        return checked;
    }
}
