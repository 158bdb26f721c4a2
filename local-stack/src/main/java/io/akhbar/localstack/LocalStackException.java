package io.akhbar.localstack;

/** Anything that prevents the local stack from starting; the message says what to look at. */
public final class LocalStackException extends RuntimeException {

    LocalStackException(String message) {
        super(message);
    }

    LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
