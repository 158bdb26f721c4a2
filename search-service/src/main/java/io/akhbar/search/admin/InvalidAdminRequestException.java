package io.akhbar.search.admin;

/** A parameter or body field the admin API cannot act on; the message names it. */
class InvalidAdminRequestException extends RuntimeException {

    private final String parameter;

    InvalidAdminRequestException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
