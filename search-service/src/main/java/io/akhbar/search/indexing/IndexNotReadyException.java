package io.akhbar.search.indexing;

/** The index is being created or migrated to a new version; writes wait (the batch is retried) until it is done. */
class IndexNotReadyException extends RuntimeException {

    IndexNotReadyException(String message) {
        super(message);
    }
}
