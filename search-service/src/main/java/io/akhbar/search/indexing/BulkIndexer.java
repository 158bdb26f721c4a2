package io.akhbar.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes documents with their article id as {@code _id}, so a redelivered record overwrites instead of duplicating.
 */
@Component
class BulkIndexer {

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    BulkIndexer(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    /**
     * @return the documents Elasticsearch refused for good (bad data), by id with the reason
     * @throws ElasticsearchUnavailableException when the cluster is unreachable or pushes back (429, 5xx)
     */
    Map<String, String> index(List<ArticleDocument> documents) {
        if (documents.isEmpty()) {
            return Map.of();
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (ArticleDocument document : documents) {
            bulk.operations(op -> op.index(i -> i.index(ArticleIndex.ALIAS).id(document.id()).document(document)));
        }
        BulkResponse response;
        try {
            index.ensureReady();
            response = client.bulk(bulk.build());
        } catch (IOException | RuntimeException e) {
            throw new ElasticsearchUnavailableException("bulk of " + documents.size() + " failed: " + e.getMessage(), e);
        }
        if (!response.errors()) {
            return Map.of();
        }
        List<String> retriable = new ArrayList<>();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                continue;
            }
            if (item.status() == 429 || item.status() >= 500) {
                retriable.add(item.id() + " (" + item.status() + ")");
            } else {
                refused.put(item.id(), item.error().type() + ": " + item.error().reason());
            }
        }
        if (!retriable.isEmpty()) {
            throw new ElasticsearchUnavailableException("Elasticsearch pushed back on " + retriable, null);
        }
        return refused;
    }
}
