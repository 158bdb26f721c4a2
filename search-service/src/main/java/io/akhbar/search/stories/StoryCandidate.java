package io.akhbar.search.stories;

import java.time.Instant;

/**
 * An article that needs a story id.
 *
 * @param storyId the story it already belongs to (a document copied from an older index version), or null
 */
public record StoryCandidate(String articleId, String fingerprint, Instant date, String storyId) {
}
