package io.akhbar.search.stories;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param maxDistance most differing SimHash bits for two articles to be one story; at most 3, which the four bands
 *                    guarantee to find
 * @param window      how far apart in time two articles of one story may be
 * @param recentCacheSize story ids of the latest articles kept in memory, for copies that arrive within a refresh
 * @param countsMaxAge    how long a story's article and source counts are reused before they are read again; about
 *                        the index's refresh interval, since counts only change when a refresh shows a new article
 * @param countsCacheSize stories whose counts are kept
 */
@ConfigurationProperties(prefix = "akhbar.stories")
record StoryProperties(int maxDistance, Duration window, int recentCacheSize, Duration countsMaxAge,
                       int countsCacheSize) {

    StoryProperties {
        if (maxDistance < 0 || maxDistance > Fingerprint.BANDS - 1) {
            throw new IllegalArgumentException("akhbar.stories.max-distance must be between 0 and " + (Fingerprint.BANDS - 1));
        }
        if (countsMaxAge == null || countsMaxAge.isNegative()) {
            throw new IllegalArgumentException("akhbar.stories.counts-max-age must be zero or more");
        }
        if (countsCacheSize < 0) {
            throw new IllegalArgumentException("akhbar.stories.counts-cache-size must be zero or more");
        }
    }
}
