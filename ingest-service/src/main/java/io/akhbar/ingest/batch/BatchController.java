package io.akhbar.ingest.batch;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /api/v1/articles:batch}: many articles in one request, each answered on its own. The answer is 200
 * whenever the batch was processed, whatever its items' fate; 4xx/503 problem+json only when the request as a whole
 * cannot be processed (unreadable array, too many items, too large, busy, broker down).
 */
@RestController
class BatchController {

    static final String NDJSON = "application/x-ndjson";

    private final BatchReader reader;
    private final BatchIntake intake;

    BatchController(BatchReader reader, BatchIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @PostMapping(path = "/api/v1/articles:batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    BatchResponse submitJsonArray(InputStream body) throws IOException {
        return intake.submit(() -> reader.readJsonArray(body.readAllBytes()));
    }

    @PostMapping(path = "/api/v1/articles:batch", consumes = NDJSON, produces = MediaType.APPLICATION_JSON_VALUE)
    BatchResponse submitNdjson(InputStream body) throws IOException {
        return intake.submit(() -> reader.readNdjson(body.readAllBytes()));
    }
}
