package io.akhbar.cli;

/**
 * What ingest said about one item.
 *
 * @param status {@code accepted}, {@code duplicate}, {@code rejected} or {@code failed} (not acknowledged by Kafka,
 *               or ingest could not be reached)
 * @param reason why it was rejected or failed, else null
 */
record Outcome(Item item, String status, String id, String reason) {

    static final String ACCEPTED = "accepted";
    static final String DUPLICATE = "duplicate";
    static final String REJECTED = "rejected";
    static final String FAILED = "failed";
}
