package io.akhbar.search.query;

/** A request parameter that cannot be searched with; the message names the parameter. */
class InvalidQueryException extends RuntimeException {

    private final String parameter;

    InvalidQueryException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
