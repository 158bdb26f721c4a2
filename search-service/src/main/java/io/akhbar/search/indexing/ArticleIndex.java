package io.akhbar.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.akhbar.search.elasticsearch.ElasticsearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The articles index: clients read and write the alias {@link #ALIAS}; the versioned index behind it is created from
 * {@code elasticsearch/<version>.json} once, when the alias does not exist yet.
 */
@Component
public class ArticleIndex {

    public static final String ALIAS = "articles";
    static final String CURRENT_VERSION = "articles-v1";

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);

    private final ElasticsearchClient client;
    private final ElasticsearchProperties properties;
    private volatile boolean ready;

    ArticleIndex(ElasticsearchClient client, ElasticsearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /**
     * Creates the index at start-up, so that it is ready before the first search; when Elasticsearch is not up yet,
     * the first bulk does it instead.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void prepareAtStartup() {
        try {
            ensureReady();
        } catch (IOException | RuntimeException e) {
            log.warn("Index {} not prepared at start-up, will retry before the first bulk: {}", ALIAS, e.toString());
        }
    }

    /** Cheap after the first success, so the indexer may call it before every bulk. */
    void ensureReady() throws IOException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (!ready) {
                createIfMissing();
                ready = true;
            }
        }
    }

    private void createIfMissing() throws IOException {
        if (client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
            return;
        }
        try (InputStream definition = definition(CURRENT_VERSION)) {
            client.indices().create(c -> c
                    .index(CURRENT_VERSION)
                    .withJson(definition)
                    .aliases(ALIAS, a -> a.isWriteIndex(true)));
            client.indices().putSettings(s -> s
                    .index(CURRENT_VERSION)
                    .settings(settings -> settings.numberOfReplicas(String.valueOf(properties.replicas()))));
            log.info("Created index {} behind alias {}", CURRENT_VERSION, ALIAS);
        } catch (ElasticsearchException e) {
            // Another instance created it first: fine, as long as the alias now exists.
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    private static InputStream definition(String version) {
        InputStream stream = ArticleIndex.class.getResourceAsStream("/elasticsearch/" + version + ".json");
        if (stream == null) {
            throw new UncheckedIOException(new IOException("missing index definition elasticsearch/" + version + ".json"));
        }
        return stream;
    }
}
