package io.akhbar.ingest.submission;

/** The 202 answer: the article is durably in Kafka under this id. */
record SubmissionAccepted(String id, String status) {

    static SubmissionAccepted accepted(String id) {
        return new SubmissionAccepted(id, "accepted");
    }
}
