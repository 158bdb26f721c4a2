package io.akhbar.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes documents with their article id as {@code _id}, so a redelivered record overwrites instead of duplicating.
 */
@Component
class BulkIndexer {

    private static final Logger log = LoggerFactory.getLogger(BulkIndexer.class);

    private final ElasticsearchClient client;
    private final Timer bulkTime;
    private final Counter failures;
    private final Counter rejections;
    private final List<WrittenDocuments> listeners;

    BulkIndexer(ElasticsearchClient client, MeterRegistry meters, ObjectProvider<WrittenDocuments> listeners) {
        this.client = client;
        this.listeners = listeners.orderedStream().toList();
        this.bulkTime = Timer.builder("akhbar.bulk").description("Bulk request round trips, successful or not")
                .publishPercentileHistogram().register(meters);
        this.failures = Counter.builder("akhbar.bulk.failures")
                .description("Bulk requests that failed as a whole or in part and will be retried").register(meters);
        this.rejections = Counter.builder("akhbar.elasticsearch.rejections")
                .description("Documents Elasticsearch pushed back with 429").register(meters);
    }

    /**
     * @param target the alias (live indexing) or a concrete index (migration)
     * @return the documents Elasticsearch refused for good (bad data), by id with the reason
     * @throws ElasticsearchUnavailableException when the cluster is unreachable or pushes back (429, 5xx)
     */
    Map<String, String> index(List<ArticleDocument> documents, String target) {
        if (documents.isEmpty()) {
            return Map.of();
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (ArticleDocument document : documents) {
            bulk.operations(op -> op.index(i -> i.index(target).id(document.id()).document(document)));
        }
        BulkResponse response;
        Timer.Sample started = Timer.start();
        try {
            response = client.bulk(bulk.build());
        } catch (IOException | RuntimeException e) {
            failures.increment();
            throw new ElasticsearchUnavailableException("bulk of " + documents.size() + " failed: " + e.getMessage(), e);
        } finally {
            started.stop(bulkTime);
        }
        tellListeners(documents, response);
        if (!response.errors()) {
            return Map.of();
        }
        List<String> retriable = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                continue;
            }
            if (item.status() == 429 || item.status() >= 500) {
                if (item.status() == 429) {
                    rejections.increment();
                }
                retriable.add(item.id() + " (" + item.status() + ")");
            } else {
                refused.put(item.id(), item.error().type() + ": " + item.error().reason());
            }
        }
        if (!retriable.isEmpty()) {
            failures.increment();
            throw new ElasticsearchUnavailableException("Elasticsearch pushed back on " + retriable, null);
        }
        return refused;
    }

    /** Bulk items answer in the order of the request's operations. */
    private void tellListeners(List<ArticleDocument> documents, BulkResponse response) {
        if (listeners.isEmpty()) {
            return;
        }
        List<BulkResponseItem> items = response.items();
        List<WrittenDocuments.Written> written = new ArrayList<>(items.size());
        for (int i = 0; i < items.size() && i < documents.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null && item.seqNo() != null) {
                written.add(new WrittenDocuments.Written(item.index(), item.seqNo(), documents.get(i)));
            }
        }
        if (written.isEmpty()) {
            return;
        }
        for (WrittenDocuments listener : listeners) {
            try {
                listener.written(written);
            } catch (RuntimeException e) {
                // The documents are indexed: a listener's failure must not make the batch retry.
                log.warn("{} failed on a written bulk: {}", listener.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
