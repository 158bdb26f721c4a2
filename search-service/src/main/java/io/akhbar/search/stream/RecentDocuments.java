package io.akhbar.search.stream;

import io.akhbar.search.indexing.ArticleDocument;
import io.akhbar.search.indexing.WrittenDocuments;
import io.akhbar.search.query.LiveQueries;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents this instance wrote, while anyone streams, until the watcher has seen them (at most for the look-back
 * window): the watcher builds most events from these instead of reading the articles back from Elasticsearch (the
 * stream's costliest request under load). Each is kept under its index, id and sequence number, so that what is found
 * is exactly the version the watcher saw in the index. Whatever is not here (another instance wrote it, or it is older
 * than the window) is read back as before.
 */
@Component
class RecentDocuments implements WrittenDocuments {

    /** For a watcher that falls behind: a look-back window at 1,000 articles/s, as hits hold them (a few KB each). */
    static final int MAX_DOCUMENTS = 10_000;

    private final long keepMillis;
    private final Map<Key, ArticleDocument> documents = new LinkedHashMap<>();
    private volatile boolean wanted;
    private long newestIndexedAt = Long.MIN_VALUE;

    RecentDocuments(StreamProperties properties) {
        this.keepMillis = properties.lookBack().toMillis();
    }

    /** Whether to keep what is written from now on: only while someone streams. */
    void want(boolean wanted) {
        if (this.wanted == wanted) {
            return;
        }
        this.wanted = wanted;
        if (!wanted) {
            synchronized (this) {
                documents.clear();
                newestIndexedAt = Long.MIN_VALUE;
            }
        }
    }

    @Override
    public void written(List<Written> written) {
        if (!wanted) {
            return;
        }
        List<ArticleDocument> slim = written.stream().map(one -> LiveQueries.slim(one.document())).toList();
        synchronized (this) {
            for (int i = 0; i < slim.size(); i++) {
                ArticleDocument document = slim.get(i);
                documents.put(new Key(written.get(i).index(), document.id(), written.get(i).seqNo()), document);
                if (document.indexedAt() != null) {
                    newestIndexedAt = Math.max(newestIndexedAt, document.indexedAt().toEpochMilli());
                }
            }
            forgetOld();
        }
    }

    /** @return the document written to {@code index} with this id and sequence number, or null */
    synchronized ArticleDocument get(String index, String id, long seqNo) {
        return documents.get(new Key(index, id, seqNo));
    }

    /** The watcher has these articles' events: a look does not find an article as new twice. */
    synchronized void seen(List<Indexed> articles) {
        articles.forEach(article -> documents.remove(
                new Key(article.index(), article.cursor().id(), article.cursor().seqNo())));
    }

    synchronized int size() {
        return documents.size();
    }

    /** Writes come roughly in indexedAt order, so the oldest are first. */
    private void forgetOld() {
        Iterator<ArticleDocument> oldestFirst = documents.values().iterator();
        while (oldestFirst.hasNext()) {
            ArticleDocument oldest = oldestFirst.next();
            boolean old = oldest.indexedAt() == null
                    || oldest.indexedAt().toEpochMilli() < newestIndexedAt - keepMillis;
            if (!old && documents.size() <= MAX_DOCUMENTS) {
                return;
            }
            oldestFirst.remove();
        }
    }

    private record Key(String index, String id, long seqNo) {
    }
}
