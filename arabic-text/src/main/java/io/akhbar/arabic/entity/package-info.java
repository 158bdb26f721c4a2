/**
 * People, places and organizations: the {@link io.akhbar.arabic.entity.EntityGazetteer} of every
 * known spelling (CLDR countries and cities, curated people, organizations, variants and demonyms),
 * used by the {@link io.akhbar.arabic.entity.EntityExtractor} on article text and by search-service
 * on queries ({@code lookup}, {@code complete}); the extractor also finds people in no list from the
 * words around them ({@link io.akhbar.arabic.entity.PersonCues}).
 */
package io.akhbar.arabic.entity;
