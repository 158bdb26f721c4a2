/**
 * The whole enrichment of an article in one call, without I/O and without Spring:
 * {@link io.akhbar.arabic.enrich.Enricher}. nlp-service maps its {@link io.akhbar.arabic.enrich.Enrichment}
 * to the {@code ArticleEnriched} contract; the benchmarks measure it.
 */
package io.akhbar.arabic.enrich;
