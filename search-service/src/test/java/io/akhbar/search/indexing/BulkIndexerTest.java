package io.akhbar.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class BulkIndexerTest {

    private static final Instant AT = Instant.parse("2026-01-22T10:16:00Z");

    @Test
    void listenersHearOfEveryDocumentWrittenWithItsIndexAndSequenceNumber() {
        List<WrittenDocuments.Written> heard = new ArrayList<>();
        BulkIndexer indexer = indexer(answering(written("a", 7), refused("b"), written("c", 9)), heard::addAll);

        Map<String, String> refused = indexer.index(List.of(document("a"), document("b"), document("c")), "articles");

        assertThat(refused).containsOnlyKeys("b");
        assertThat(heard).extracting(w -> w.document().id() + "@" + w.index() + "#" + w.seqNo())
                .containsExactly("a@articles-v3#7", "c@articles-v3#9");
    }

    @Test
    void aListenerThatFailsDoesNotFailTheIndexing() {
        BulkIndexer indexer = indexer(answering(written("a", 7)), written -> {
            throw new IllegalStateException("broken listener");
        });

        assertThat(indexer.index(List.of(document("a")), "articles")).isEmpty();
    }

    private static BulkIndexer indexer(BulkResponse answer, WrittenDocuments listener) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("listener", listener));
        return new BulkIndexer(new ElasticsearchClient(new Answering(answer)), new SimpleMeterRegistry(),
                beans.getBeanProvider(WrittenDocuments.class));
    }

    private static BulkResponse answering(BulkResponseItem... items) {
        boolean errors = List.of(items).stream().anyMatch(item -> item.error() != null);
        return BulkResponse.of(b -> b.took(1).errors(errors).items(List.of(items)));
    }

    private static BulkResponseItem written(String id, long seqNo) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Index).index("articles-v3").id(id).status(201)
                .seqNo(seqNo).primaryTerm(1L));
    }

    private static BulkResponseItem refused(String id) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Index).index("articles-v3").id(id).status(400)
                .error(ErrorCause.of(e -> e.type("document_parsing_exception").reason("bad field"))));
    }

    private static ArticleDocument document(String id) {
        return new ArticleDocument(id, "عنوان", "نص", null, null, "مثال", "ar", 0.9, AT, AT, AT, AT, 0, 1L, AT, 2,
                "ff", List.of("0:00ff"), id, "nlp-1", List.of(), List.of(), null, null);
    }

    /** A transport that answers every request with one bulk response, as a node would. */
    private record Answering(BulkResponse answer) implements ElasticsearchTransport {

        @Override
        @SuppressWarnings("unchecked")
        public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
                Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
            return (ResponseT) answer;
        }

        @Override
        public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
                Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
            return CompletableFuture.completedFuture(performRequest(request, endpoint, options));
        }

        @Override
        public JsonpMapper jsonpMapper() {
            return new JacksonJsonpMapper();
        }

        @Override
        public TransportOptions options() {
            return null;
        }

        @Override
        public void close() {
        }
    }
}
