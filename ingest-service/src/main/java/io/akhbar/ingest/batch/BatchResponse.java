package io.akhbar.ingest.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.akhbar.ingest.submission.InvalidArticleException.FieldError;

import java.util.List;

/**
 * The answer to a batch: one result per item, in the order of the body, and the counts.
 *
 * @param accepted   in Kafka: acknowledged before this answer was written
 * @param duplicates same id as an earlier item of this batch: that one was published, this one was not
 * @param rejected   invalid or unreadable: fix and resend
 * @param failed     valid but not acknowledged by Kafka in time: resend (ids are deterministic, so a resend of an
 *                   item that did reach Kafka only overwrites it)
 */
record BatchResponse(int items, int accepted, int duplicates, int rejected, int failed, List<ItemResult> results) {

    static BatchResponse of(List<ItemResult> results) {
        return new BatchResponse(results.size(), count(results, ItemResult.ACCEPTED),
                count(results, ItemResult.DUPLICATE), count(results, ItemResult.REJECTED),
                count(results, ItemResult.FAILED), results);
    }

    private static int count(List<ItemResult> results, String status) {
        return (int) results.stream().filter(result -> result.status().equals(status)).count();
    }

    /**
     * @param line        1-based line number for NDJSON bodies
     * @param duplicateOf index of the earlier item with the same id
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemResult(int index, Integer line, String status, String id, Integer duplicateOf, ItemProblem problem) {

        static final String ACCEPTED = "accepted";
        static final String DUPLICATE = "duplicate";
        static final String REJECTED = "rejected";
        static final String FAILED = "failed";

        static ItemResult accepted(BatchItem item, String id) {
            return new ItemResult(item.index(), item.line(), ACCEPTED, id, null, null);
        }

        static ItemResult duplicate(BatchItem item, String id, int duplicateOf) {
            return new ItemResult(item.index(), item.line(), DUPLICATE, id, duplicateOf, null);
        }

        static ItemResult rejected(BatchItem item, ItemProblem problem) {
            return new ItemResult(item.index(), item.line(), REJECTED, null, null, problem);
        }

        static ItemResult failed(BatchItem item, String id, String reason) {
            return new ItemResult(item.index(), item.line(), FAILED, id, null, new ItemProblem(
                    ItemProblem.TYPE_BASE + "broker-unavailable", "Article not accepted", reason, null));
        }
    }

    /** The item's share of RFC 9457: the same types as the single-article endpoint uses for a whole request. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemProblem(String type, String title, String detail, List<FieldError> errors) {

        static final String TYPE_BASE = "https://akhbar.io/problems/";
    }
}
