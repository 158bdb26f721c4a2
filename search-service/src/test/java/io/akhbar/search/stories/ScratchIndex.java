package io.akhbar.search.stories;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.akhbar.localstack.LocalStack;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/** An index of the articles definition on the shared test node, under a name of its own, and a client for it. */
final class ScratchIndex implements AutoCloseable {

    private static final String DEFINITION = "/elasticsearch/articles-v3.json";

    final String name;
    final ElasticsearchClient client;
    private final RestClient rest;

    private ScratchIndex(String name, RestClient rest) {
        this.name = name;
        this.rest = rest;
        this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    static ScratchIndex create(String prefix) throws IOException {
        RestClient rest = RestClient.builder(HttpHost.create(LocalStack.shared().elasticsearchUrl())).build();
        ScratchIndex index = new ScratchIndex(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), rest);
        try (InputStream definition = ScratchIndex.class.getResourceAsStream(DEFINITION)) {
            index.client.indices().create(c -> c.index(index.name).withJson(definition));
        }
        return index;
    }

    void refresh() throws IOException {
        client.indices().refresh(r -> r.index(name));
    }

    @Override
    public void close() throws IOException {
        client.indices().delete(d -> d.index(name));
        rest.close();
    }
}
