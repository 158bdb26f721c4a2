package io.akhbar.search.stream;

import io.akhbar.search.query.LiveQueries;
import io.akhbar.search.query.LiveQueries.LiveQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "stream")
class StreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final LiveQueries live;
    private final ArticleStream stream;

    StreamController(LiveQueries live, ArticleStream stream) {
        this.live = live;
        this.stream = stream;
    }

    @GetMapping("/stream")
    @Operation(summary = "Newly indexed articles that match, as Server-Sent Events",
            description = "The parameters and their checks are those of /api/v1/search, without sort, size and cursor. "
                    + "Events: `ready` (data {}) once the subscription is live; `article` for each matching article "
                    + "as it becomes searchable, its data one hit as in /api/v1/search, its id an opaque position; "
                    + "`: keep-alive` comments in between. Reconnecting with Last-Event-ID (or lastEventId) sends "
                    + "what was missed, in order, then carries on. 503 with Retry-After when the instance serves "
                    + "its maximum of streams.")
    SseEmitter stream(
            @Parameter(description = "query text; optional when a filter is given") @RequestParam(required = false) String q,
            @Parameter(description = "person's name, any spelling or language") @RequestParam(required = false) List<String> person,
            @Parameter(description = "place name") @RequestParam(required = false) List<String> place,
            @Parameter(description = "organization name") @RequestParam(required = false) List<String> org,
            @Parameter(description = "entity id, e.g. person:vladimir-putin") @RequestParam(required = false) List<String> entity,
            @Parameter(description = "source as indexed") @RequestParam(required = false) List<String> source,
            @Parameter(description = "language code, e.g. ar") @RequestParam(required = false) List<String> lang,
            @Parameter(description = "published at or after") @RequestParam(required = false) String from,
            @Parameter(description = "published before") @RequestParam(required = false) String to,
            @Parameter(description = "the id of the last event received, for clients that cannot set Last-Event-ID")
            @RequestParam(required = false) String lastEventId,
            @Parameter(description = "the id of the last event received; EventSource sends it when it reconnects")
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventIdHeader) {
        LiveQuery query = live.parse(q, person, place, org, entity, source, lang, from, to);
        // The header wins: EventSource sends the newest id there while the URL keeps the one it started with.
        EventId resumeFrom = present(lastEventIdHeader) ? EventId.decode(LAST_EVENT_ID, lastEventIdHeader)
                : present(lastEventId) ? EventId.decode("lastEventId", lastEventId) : null;
        return stream.open(query, resumeFrom);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
