package io.akhbar.search.query;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxQueryLength  longest query text, in chars
 * @param defaultPageSize hits per page when the client does not say
 * @param maxPageSize     most hits one page may ask for
 * @param snippetLength   chars of body shown per hit
 */
@ConfigurationProperties(prefix = "akhbar.query")
record QueryProperties(int maxQueryLength, int defaultPageSize, int maxPageSize, int snippetLength) {
}
