package io.akhbar.search.admin;

/** Kafka did not answer an admin request in time; the request may be retried. */
class KafkaUnavailableException extends RuntimeException {

    KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
