package io.akhbar.search.query;

/** Nothing is indexed under the requested id. */
public class NotFoundException extends RuntimeException {

    private final String kind;

    private NotFoundException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static NotFoundException article(String id) {
        return new NotFoundException("article", "No article with id " + id);
    }

    public static NotFoundException entity(String id) {
        return new NotFoundException("entity", "No article carries entity " + id + " and the gazetteer does not know it");
    }

    /** {@code article} or {@code entity}. */
    String kind() {
        return kind;
    }
}
