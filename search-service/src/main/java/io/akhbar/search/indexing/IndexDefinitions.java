package io.akhbar.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.akhbar.search.elasticsearch.ElasticsearchProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Creates an index of a given version from {@code elasticsearch/articles-v<N>.json}, the one place settings live. */
@Component
class IndexDefinitions {

    private final ElasticsearchClient client;
    private final ElasticsearchProperties properties;

    IndexDefinitions(ElasticsearchClient client, ElasticsearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /**
     * @param alias the alias to give the new index as its write index, or null for none
     * @return false when the index existed already (another instance, or an earlier attempt, made it)
     */
    boolean create(String index, int version, String alias) throws IOException {
        try (InputStream definition = definition(version)) {
            client.indices().create(c -> {
                c.index(index).withJson(definition);
                if (alias != null) {
                    c.aliases(alias, a -> a.isWriteIndex(true));
                }
                return c;
            });
        } catch (ElasticsearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                return false;
            }
            throw e;
        }
        // Separate call: settings given next to withJson would replace the file's settings object, analysis included.
        client.indices().putSettings(s -> s
                .index(index)
                .settings(settings -> settings.numberOfReplicas(String.valueOf(properties.replicas()))));
        return true;
    }

    static InputStream definition(int version) {
        String path = "/elasticsearch/articles-v" + version + ".json";
        InputStream stream = IndexDefinitions.class.getResourceAsStream(path);
        if (stream == null) {
            throw new UncheckedIOException(new IOException("missing index definition " + path));
        }
        return stream;
    }
}
