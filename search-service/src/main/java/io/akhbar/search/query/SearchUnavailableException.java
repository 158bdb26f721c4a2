package io.akhbar.search.query;

public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(Throwable cause) {
        super("Elasticsearch is not reachable", cause);
    }
}
