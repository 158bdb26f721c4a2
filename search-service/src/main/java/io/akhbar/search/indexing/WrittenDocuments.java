package io.akhbar.search.indexing;

import java.util.List;

/**
 * Told of the documents each bulk request wrote, and where: the live stream keeps the newest of them, so that it
 * need not read back from Elasticsearch what this instance has just written there.
 */
public interface WrittenDocuments {

    /** Runs on the indexing thread after every bulk request that wrote something: it must be quick and not throw. */
    void written(List<Written> documents);

    /**
     * @param index the concrete index the document went to (the alias resolved)
     * @param seqNo the sequence number the write got there: with the index and id, this version of the document
     */
    record Written(String index, long seqNo, ArticleDocument document) {
    }
}
