package io.akhbar.ingest.batch;

import io.akhbar.ingest.submission.ArticleSubmission;

/**
 * One item of a batch as read from the body: a submission, or the reason it could not be read.
 *
 * @param index      0-based position among the batch's items
 * @param line       1-based line of an NDJSON body, null for a JSON array
 * @param submission what the item says, null when unreadable
 * @param unreadable why the item could not be read as an article object, null when it could
 */
record BatchItem(int index, Integer line, ArticleSubmission submission, String unreadable) {

    static BatchItem read(int index, Integer line, ArticleSubmission submission) {
        return new BatchItem(index, line, submission, null);
    }

    static BatchItem unreadable(int index, Integer line, String reason) {
        return new BatchItem(index, line, null, reason);
    }
}
