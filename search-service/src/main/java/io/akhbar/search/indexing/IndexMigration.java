package io.akhbar.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.akhbar.search.stories.StoryAssigner;
import io.akhbar.search.stories.StoryCandidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves the alias from an older index version to the current one without downtime: create the new index, copy every
 * document into it, swap the alias atomically, then copy again what was written to the old index while the first
 * copy ran (by instances still running older code; this one holds its own writes back until the end).
 *
 * <p>The copy is done here rather than with {@code _reindex}: the documents are rebuilt by the same Java code that
 * indexes live articles ({@link ArticleDocument#upgraded()}, story ids), and neither the reindex module nor Painless is
 * part of every Elasticsearch distribution we run against (the local test node has neither).
 */
@Component
class IndexMigration {

    private static final Logger log = LoggerFactory.getLogger(IndexMigration.class);
    private static final String KEEP_ALIVE = "5m";
    /** Covers clock skew between this instance and those that set {@code indexedAt} on the old index. */
    private static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(1);

    private final ElasticsearchClient client;
    private final IndexDefinitions definitions;
    private final BulkIndexer bulk;
    private final StoryAssigner stories;
    private final IndexProperties properties;
    private final Clock clock;

    IndexMigration(ElasticsearchClient client, IndexDefinitions definitions, BulkIndexer bulk, StoryAssigner stories,
            IndexProperties properties, Clock clock) {
        this.client = client;
        this.definitions = definitions;
        this.bulk = bulk;
        this.stories = stories;
        this.properties = properties;
        this.clock = clock;
    }

    void migrate(String from, String to, String alias) throws IOException {
        long started = clock.millis();
        Instant copyStart = clock.instant();
        log.info("Migrating alias {} from {} to {}", alias, from, to);
        // An existing target is the remains of an interrupted attempt or another instance's run: copying is
        // idempotent (same _id), so carry on into it.
        definitions.create(to, ArticleIndex.CURRENT_VERSION, null);
        long copied = copy(from, to, Query.of(q -> q.matchAll(m -> m)));
        client.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(from).alias(alias).mustExist(false)))
                .actions(a -> a.add(add -> add.index(to).alias(alias).isWriteIndex(true))));
        long caughtUp = copy(from, to, Query.of(q -> q.range(r -> r.untyped(u -> u
                .field("indexedAt").gte(JsonData.of(copyStart.minus(CATCH_UP_MARGIN).toString()))))));
        if (properties.deletePrevious()) {
            client.indices().delete(d -> d.index(from));
        }
        log.info("Alias {} now points at {}: {} documents copied, {} copied again after the swap, in {} ms; {} {}",
                alias, to, copied, caughtUp, clock.millis() - started, from,
                properties.deletePrevious() ? "deleted" : "kept for rollback");
    }

    /** Copies oldest first, so that the first article of a story is the one the later copies point at. */
    private long copy(String from, String to, Query query) throws IOException {
        String pit = client.openPointInTime(p -> p.index(from).keepAlive(k -> k.time(KEEP_ALIVE))).id();
        long copied = 0;
        try {
            List<FieldValue> after = List.of();
            while (true) {
                String pitId = pit;
                List<FieldValue> searchAfter = after;
                SearchResponse<ArticleDocument> page = client.search(s -> {
                    s.pit(p -> p.id(pitId).keepAlive(k -> k.time(KEEP_ALIVE)))
                            .size(properties.migrationBatchSize())
                            .query(query)
                            .sort(so -> so.field(f -> f.field("submittedAt").order(SortOrder.Asc)))
                            .sort(so -> so.field(f -> f.field("id").order(SortOrder.Asc)));
                    if (!searchAfter.isEmpty()) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                }, ArticleDocument.class);
                pit = page.pitId() == null ? pit : page.pitId();
                List<Hit<ArticleDocument>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    return copied;
                }
                copied += write(hits.stream().map(Hit::source).map(ArticleDocument::upgraded).toList(), to);
                after = hits.get(hits.size() - 1).sort();
            }
        } finally {
            String pitId = pit;
            client.closePointInTime(c -> c.id(pitId));
        }
    }

    private int write(List<ArticleDocument> documents, String to) throws IOException {
        Map<String, String> storyIds = stories.assign(documents.stream()
                .map(d -> new StoryCandidate(d.id(), d.fingerprint(), d.date(), d.storyId()))
                .toList(), to);
        List<ArticleDocument> withStories = new ArrayList<>(documents.size());
        documents.forEach(d -> withStories.add(d.withStoryId(storyIds.get(d.id()))));
        Map<String, String> refused = bulk.index(withStories, to);
        refused.forEach((id, reason) -> log.error("Migration to {} refused article {}: {}", to, id, reason));
        // The next page's story look-ups must see this one.
        client.indices().refresh(r -> r.index(to));
        return withStories.size() - refused.size();
    }
}
