package io.akhbar.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Limits on what one submission may carry.
 *
 * @param maxRequestSize largest request body accepted; larger ones get 413 before they are read. In a batch, the
 *                       largest single article.
 * @param maxTitleLength longest title, in chars
 * @param derivedTitleLength longest title cut from the first sentence of a plain-text submission
 * @param batch limits of {@code POST /api/v1/articles:batch}
 */
@ConfigurationProperties(prefix = "akhbar.ingest")
public record IngestProperties(DataSize maxRequestSize, int maxTitleLength, int derivedTitleLength,
                               @DefaultValue Batch batch) {

    /**
     * @param maxItems most articles in one batch; more get 413 for the whole request
     * @param maxRequestSize largest batch body; larger ones get 413 before they are read
     * @param maxConcurrent batches processed at once; one more gets 429, which bounds the memory batches hold
     * @param ackTimeout longest wait for Kafka's acknowledgements of one batch; items not acknowledged by then are
     *                   reported as failed, never as accepted
     */
    public record Batch(@DefaultValue("1000") int maxItems,
                        @DefaultValue("16MB") DataSize maxRequestSize,
                        @DefaultValue("4") int maxConcurrent,
                        @DefaultValue("30s") Duration ackTimeout) {
    }
}
