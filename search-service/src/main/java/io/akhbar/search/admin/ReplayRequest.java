package io.akhbar.search.admin;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * Which dead letters to replay: either {@code ids}, or a {@code topic} with {@code all: true}.
 *
 * @param includeReplayed with {@code all}: also re-send dead letters that were replayed before (ids are always re-sent)
 */
record ReplayRequest(
        @Schema(description = "dead-letter ids (<topic>-<partition>-<offset>)") List<String> ids,
        @Schema(description = "a dead-letter topic; with all=true, its dead letters not replayed yet") String topic,
        Boolean all,
        Boolean includeReplayed) {
}
