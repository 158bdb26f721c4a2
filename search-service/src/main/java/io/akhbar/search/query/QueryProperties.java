package io.akhbar.search.query;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param maxQueryLength  longest query text, in chars
 * @param maxQueryTerms   most words and phrases in one query; bounds the size of the Elasticsearch query
 * @param defaultPageSize hits per page when the client does not say
 * @param maxPageSize     most hits one page may ask for
 * @param snippetLength   chars per highlighted snippet
 * @param snippets        snippets per hit
 * @param facetSize       buckets per facet
 * @param cursorKeepAlive how long a cursor stays usable after the page that returned it
 */
@ConfigurationProperties(prefix = "akhbar.query")
record QueryProperties(int maxQueryLength, int maxQueryTerms, int defaultPageSize, int maxPageSize, int snippetLength,
        int snippets, int facetSize, Duration cursorKeepAlive) {
}
