package io.akhbar.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import io.akhbar.search.indexing.ArticleDocument;
import io.akhbar.search.stories.StorySources;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * What the live stream ({@code io.akhbar.search.stream}) takes from search: the same parameter checks, the same
 * translated query and the same hit shape, so that a stream and a search with the same parameters agree.
 */
@Component
public class LiveQueries {

    private final SearchCriteriaParser parser;
    private final QueryTranslator translator;
    private final CursorCodec cursors;

    LiveQueries(SearchCriteriaParser parser, QueryTranslator translator, CursorCodec cursors) {
        this.parser = parser;
        this.translator = translator;
        this.cursors = cursors;
    }

    /**
     * The search parameters without sort, size and cursor, checked as search checks them.
     *
     * @throws InvalidQueryException naming the first bad parameter
     */
    public LiveQuery parse(String q, List<String> person, List<String> place, List<String> org, List<String> entity,
            List<String> source, List<String> lang, String from, String to) {
        SearchCriteria criteria = parser.parse(
                new SearchParameters(q, person, place, org, entity, source, lang, from, to, null, null, null));
        return new LiveQuery(cursors.queryKey(criteria.query(), criteria.filters(), SearchCriteria.Sort.NEWEST),
                translator.query(criteria.query(), criteria.filters()));
    }

    /** The source fields a hit needs. */
    public SourceConfig source() {
        return HitShape.SOURCE;
    }

    /**
     * A hit without highlights (the stream asks for none) has its summary as snippet.
     *
     * @param storySources the story counts of the hits' stories, as {@code StoryCounts} gives them
     */
    public SearchResult.Hit hit(Hit<ArticleDocument> hit, Map<String, StorySources> storySources) {
        return HitShape.hit(hit, storySources);
    }

    /** The same, from a document this instance wrote, as {@link #slim} keeps it. */
    public SearchResult.Hit hit(ArticleDocument document, Map<String, StorySources> storySources) {
        return HitShape.hit(document, Map.of(), null, storySources);
    }

    /** As little of a document as {@link #hit} needs, to keep it in memory for a while. */
    public static ArticleDocument slim(ArticleDocument document) {
        return HitShape.slim(document);
    }

    /**
     * A checked query.
     *
     * @param key   equal for two requests with the same query text and filters
     * @param query the Elasticsearch query search runs for them
     */
    public record LiveQuery(String key, Query query) {
    }
}
