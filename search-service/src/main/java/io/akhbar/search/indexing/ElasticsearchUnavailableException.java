package io.akhbar.search.indexing;

/** Elasticsearch could not take the batch now; the whole batch is retried, its offsets stay uncommitted. */
class ElasticsearchUnavailableException extends RuntimeException {

    ElasticsearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
