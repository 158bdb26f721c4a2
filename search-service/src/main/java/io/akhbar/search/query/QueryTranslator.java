package io.akhbar.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.json.JsonData;
import io.akhbar.search.query.SearchCriteria.Filters;
import io.akhbar.search.query.SearchCriteria.NamedEntity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Elasticsearch query of a parsed query and its filters. User text only ever becomes the value of
 * match / match_phrase / term queries, never query-string syntax.
 *
 * <p>Every word is matched on {@code title} and {@code body}, which the {@code akhbar_arabic} analyzer normalizes,
 * strips of clitics and stems (للرئيس finds رئيس); the {@code .exact} subfields (standard analyzer) add a bonus for
 * the surface form as typed. An entity clause also matches every spelling of the entity (ترمب finds ترامب, Putin finds
 * بوتين) and articles whose enrichment tagged it.
 */
@Component
class QueryTranslator {

    static final String TITLE = "title";
    static final String BODY = "body";
    private static final List<String> TEXT_FIELDS = List.of("title^2", "body");
    private static final List<String> EXACT_FIELDS = List.of("title.exact^2", "body.exact");
    private static final float EXACT_BONUS = 0.3f;
    private static final float TAGGED_BONUS = 1.0f;

    Query query(ParsedQuery parsed, Filters filters) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        List<Clause> searched = parsed.required().stream().filter(c -> !isStopWord(c)).toList();
        boolean onlyStopWords = searched.isEmpty() && !parsed.required().isEmpty();
        if (onlyStopWords) {
            // في or من alone: the analyzer drops them, so look for them as typed.
            parsed.required().forEach(c -> bool.must(exact(((Clause.Word) c).text(), Operator.And)));
        }
        searched.forEach(clause -> bool.must(clause(clause)));
        parsed.excluded().forEach(clause -> bool.mustNot(clause(clause)));
        if (parsed.required().isEmpty()) {
            bool.must(m -> m.matchAll(a -> a));
        }
        filters(filters).forEach(bool::filter);
        return bool.build()._toQuery();
    }

    List<Query> filters(Filters filters) {
        List<Query> all = new ArrayList<>();
        filters.entityIds().forEach(id -> all.add(term("entityIds", id)));
        filters.namedEntities().forEach(named -> all.add(named(named)));
        if (!filters.sources().isEmpty()) {
            all.add(terms("source", filters.sources()));
        }
        if (!filters.languages().isEmpty()) {
            all.add(terms("language", filters.languages()));
        }
        if (filters.from() != null || filters.to() != null) {
            all.add(Query.of(q -> q.range(r -> r.untyped(u -> {
                u.field("date");
                if (filters.from() != null) {
                    u.gte(JsonData.of(filters.from().toString()));
                }
                if (filters.to() != null) {
                    u.lt(JsonData.of(filters.to().toString()));
                }
                return u;
            }))));
        }
        return all;
    }

    private Query clause(Clause clause) {
        if (clause instanceof Clause.Word word) {
            return word(word);
        }
        if (clause instanceof Clause.Phrase phrase) {
            List<Query> spellings = new ArrayList<>();
            spellings.add(phrase(phrase.text()));
            phrase.variants().forEach(variant -> spellings.add(phrase(variant)));
            Query anySpelling = spellings.size() == 1 ? spellings.get(0)
                    : Query.of(q -> q.disMax(d -> d.queries(spellings).tieBreaker(0.1)));
            return anyOf(List.of(anySpelling, exactPhrase(phrase.text())));
        }
        if (clause instanceof Clause.Entity entity) {
            return entity(entity);
        }
        return anyOf(((Clause.AnyOf) clause).alternatives().stream()
                .filter(c -> !isStopWord(c))
                .map(this::clause)
                .toList());
    }

    private Query word(Clause.Word word) {
        List<Query> should = new ArrayList<>();
        should.add(text(word.text()));
        word.variants().forEach(variant -> should.add(text(variant)));
        if (!word.gluedForms().isEmpty()) {
            // One token each: any of them will do.
            should.add(Query.of(q -> q.multiMatch(m -> m.query(String.join(" ", word.gluedForms()))
                    .fields(TEXT_FIELDS).type(TextQueryType.BestFields).operator(Operator.Or))));
        }
        should.add(exact(word.text(), Operator.And));
        return anyOf(should);
    }

    /**
     * The words as typed (a phrase when there are several), every other spelling as a phrase, the entity id. The
     * spellings are one dis_max, so that an article that writes the name two ways does not score twice for it.
     */
    private Query entity(Clause.Entity entity) {
        List<Query> spellings = new ArrayList<>();
        spellings.add(entity.text().contains(" ") ? phrase(entity.text()) : text(entity.text()));
        entity.spellings().stream()
                .filter(s -> !QueryParser.normalize(s).equals(entity.normalized()))
                .forEach(s -> spellings.add(phrase(s)));
        Query anySpelling = Query.of(q -> q.disMax(d -> d.queries(spellings).tieBreaker(0.1)));
        Query tagged = Query.of(q -> q.constantScore(c -> c
                .filter(term("entityIds", entity.entity().id()))
                .boost(TAGGED_BONUS)));
        return anyOf(List.of(anySpelling, tagged, exactPhrase(entity.text())));
    }

    private static Query text(String text) {
        return Query.of(q -> q.multiMatch(m -> m
                .query(text).fields(TEXT_FIELDS).type(TextQueryType.BestFields).operator(Operator.And).tieBreaker(0.3)));
    }

    private static Query phrase(String text) {
        return Query.of(q -> q.multiMatch(m -> m.query(text).fields(TEXT_FIELDS).type(TextQueryType.Phrase)));
    }

    private static Query exact(String text, Operator operator) {
        return Query.of(q -> q.multiMatch(m -> m
                .query(text).fields(EXACT_FIELDS).type(TextQueryType.BestFields).operator(operator)
                .boost(EXACT_BONUS)));
    }

    private static Query exactPhrase(String text) {
        return Query.of(q -> q.multiMatch(m -> m
                .query(text).fields(EXACT_FIELDS).type(TextQueryType.Phrase).boost(EXACT_BONUS)));
    }

    private static Query anyOf(List<Query> queries) {
        if (queries.size() == 1) {
            return queries.get(0);
        }
        return Query.of(q -> q.bool(b -> b.should(queries).minimumShouldMatch("1")));
    }

    /** The article carries an entity of that type that is the gazetteer's entity for the name, or goes by the name. */
    private static Query named(NamedEntity named) {
        return Query.of(q -> q.nested(n -> n
                .path("entities")
                .ignoreUnmapped(true)
                .query(inner -> inner.bool(b -> {
                    b.filter(term("entities.type", named.type()));
                    b.should(term("entities.names", named.normalized()));
                    if (named.entityId() != null) {
                        b.should(term("entities.id", named.entityId()));
                    }
                    return b.minimumShouldMatch("1");
                }))));
    }

    private static boolean isStopWord(Clause clause) {
        return clause instanceof Clause.Word word && word.stopWord();
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
    }
}
