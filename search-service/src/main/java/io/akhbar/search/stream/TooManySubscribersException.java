package io.akhbar.search.stream;

/** This instance has {@code akhbar.stream.max-subscribers} streams open already. */
class TooManySubscribersException extends RuntimeException {

    TooManySubscribersException(int limit) {
        super("This instance serves " + limit + " streams already. Retry later.");
    }
}
