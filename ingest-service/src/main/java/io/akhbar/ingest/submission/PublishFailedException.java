package io.akhbar.ingest.submission;

/** Kafka did not acknowledge the article in time: the client must retry, nothing was accepted. */
public class PublishFailedException extends RuntimeException {

    PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
