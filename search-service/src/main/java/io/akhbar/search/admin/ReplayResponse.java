package io.akhbar.search.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * What a replay did, record by record.
 *
 * @param more true when {@code all} selected more than one request may replay: send it again for the rest
 */
record ReplayResponse(int selected, int replayed, int notFound, int failed, boolean more, List<Result> results) {

    static final String REPLAYED = "replayed";
    static final String NOT_FOUND = "not-found";
    static final String FAILED = "failed";

    static ReplayResponse of(List<Result> results, boolean more) {
        return new ReplayResponse(results.size(), count(results, REPLAYED), count(results, NOT_FOUND),
                count(results, FAILED), more, results);
    }

    private static int count(List<Result> results, String status) {
        return (int) results.stream().filter(result -> result.status().equals(status)).count();
    }

    /**
     * @param replayedTo  id of the re-sent record ({@code <topic>-<partition>-<offset>})
     * @param replayCount the value of its {@code akhbar-replay-count} header
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String id,
            @Schema(allowableValues = {REPLAYED, NOT_FOUND, FAILED}) String status,
            String reason, String replayedTo, Integer replayCount) {

        static Result replayed(String id, String replayedTo, int replayCount, String warning) {
            return new Result(id, REPLAYED, warning, replayedTo, replayCount);
        }

        static Result notFound(String id) {
            return new Result(id, NOT_FOUND, "no record at these coordinates", null, null);
        }

        static Result failed(String id, String reason) {
            return new Result(id, FAILED, reason, null, null);
        }
    }
}
