package io.akhbar.search.admin;

/** No record at the coordinates of a dead-letter id (never written, or removed by retention). */
class DeadLetterNotFoundException extends RuntimeException {

    DeadLetterNotFoundException(DeadLetterId id) {
        super("No dead letter " + id);
    }
}
