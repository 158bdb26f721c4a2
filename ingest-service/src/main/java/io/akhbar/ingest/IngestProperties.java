package io.akhbar.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one submission may carry.
 *
 * @param maxRequestSize largest request body accepted; larger ones get 413 before they are read
 * @param maxTitleLength longest title, in chars
 * @param derivedTitleLength longest title cut from the first sentence of a plain-text submission
 */
@ConfigurationProperties(prefix = "akhbar.ingest")
public record IngestProperties(DataSize maxRequestSize, int maxTitleLength, int derivedTitleLength) {
}
