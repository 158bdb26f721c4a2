package io.akhbar.search.query;

class SearchUnavailableException extends RuntimeException {

    SearchUnavailableException(Throwable cause) {
        super("Elasticsearch is not reachable", cause);
    }
}
