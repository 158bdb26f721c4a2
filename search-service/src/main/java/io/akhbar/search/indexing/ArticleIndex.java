package io.akhbar.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The articles index. Clients read and write the alias; version N of the settings and mapping lives in index
 * {@code <alias>-vN}, created from {@code elasticsearch/articles-vN.json}. At start-up, in the background, the alias
 * is created when missing, or moved to a new version by {@link IndexMigration} when it points at an older one.
 * Searches keep using the old version until the alias moves; writes wait (their batch is retried, nothing is
 * committed) until the index is ready, so nothing written during a migration is left behind in the old version.
 */
@Component
public class ArticleIndex {

    public static final int CURRENT_VERSION = 3;
    /** The default of {@code akhbar.index.alias}; code that can should ask {@link #alias()}, tests change it. */
    public static final String ALIAS = "articles";

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);
    private static final long RETRY_PAUSE_NANOS = 2_000_000_000L;

    private final ElasticsearchClient client;
    private final IndexProperties properties;
    private final IndexDefinitions definitions;
    private final IndexMigration migration;
    private final ExecutorService setup = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "akhbar-index-setup");
        thread.setDaemon(true);
        return thread;
    });
    private final Pattern versioned;
    private Future<?> running;
    private long lastStart = System.nanoTime() - RETRY_PAUSE_NANOS;
    private volatile boolean ready;

    ArticleIndex(ElasticsearchClient client, IndexProperties properties, IndexDefinitions definitions,
            IndexMigration migration) {
        this.client = client;
        this.properties = properties;
        this.definitions = definitions;
        this.migration = migration;
        this.versioned = Pattern.compile(Pattern.quote(properties.alias()) + "-v(\\d+)");
    }

    /** The name to read and write. */
    public String alias() {
        return properties.alias();
    }

    String name(int version) {
        return alias() + "-v" + version;
    }

    /**
     * True once the alias points at {@link #CURRENT_VERSION}; before that (first start-up, migration running) the
     * fields that version introduced may be missing, and searches leave out what needs them.
     */
    public boolean isCurrent() {
        if (!ready) {
            // A read-only instance that could not reach the cluster at start-up must still get there.
            startSetUp();
        }
        return ready;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareAtStartup() {
        startSetUp();
    }

    /**
     * Cheap once ready. Before that it starts the set-up in the background if it is not running and throws, so that
     * the caller's batch is retried later instead of blocking a consumer thread through a long migration.
     */
    void ensureReady() {
        if (ready) {
            return;
        }
        startSetUp();
        throw new IndexNotReadyException("index " + alias() + " is being set up");
    }

    /** At most one set-up at a time, and not more often than every {@link #RETRY_PAUSE_NANOS} while it fails. */
    private synchronized void startSetUp() {
        long now = System.nanoTime();
        if (!ready && (running == null || running.isDone()) && now - lastStart >= RETRY_PAUSE_NANOS) {
            lastStart = now;
            running = setup.submit(this::setUp);
        }
    }

    private void setUp() {
        try {
            String current = name(CURRENT_VERSION);
            Optional<String> target = aliasTarget();
            if (target.isEmpty()) {
                definitions.create(current, CURRENT_VERSION, alias());
                log.info("Created index {} behind alias {}", current, alias());
            } else {
                int version = versionOf(target.get());
                if (version < CURRENT_VERSION) {
                    migration.migrate(target.get(), current, alias());
                } else if (version > CURRENT_VERSION) {
                    log.warn("Alias {} points at {}, newer than this service's version {}; writes may be refused",
                            alias(), target.get(), CURRENT_VERSION);
                }
            }
            ready = true;
        } catch (IOException | RuntimeException e) {
            log.warn("Index {} not ready yet, will try again on the next write: {}", alias(), e.toString());
        }
    }

    private Optional<String> aliasTarget() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias())).value()) {
            return Optional.empty();
        }
        GetAliasResponse response = client.indices().getAlias(a -> a.name(alias()));
        String only = null;
        for (var entry : response.result().entrySet()) {
            var alias = entry.getValue().aliases().get(alias());
            if (alias != null && Boolean.TRUE.equals(alias.isWriteIndex())) {
                return Optional.of(entry.getKey());
            }
            only = entry.getKey();
        }
        if (response.result().size() > 1) {
            throw new IllegalStateException("alias " + alias() + " points at several indices without a write index: "
                    + response.result().keySet());
        }
        return Optional.ofNullable(only);
    }

    private int versionOf(String index) {
        Matcher matcher = versioned.matcher(index);
        if (!matcher.matches()) {
            throw new IllegalStateException("alias " + alias() + " points at " + index + ", which is not a version of it");
        }
        return Integer.parseInt(matcher.group(1));
    }

    @PreDestroy
    void stop() {
        setup.shutdownNow();
    }
}
