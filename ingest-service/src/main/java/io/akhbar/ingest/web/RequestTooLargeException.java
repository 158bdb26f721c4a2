package io.akhbar.ingest.web;

import java.io.IOException;

/** An IOException so that it surfaces through the message converters that read the body. */
class RequestTooLargeException extends IOException {

    RequestTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes");
    }
}
