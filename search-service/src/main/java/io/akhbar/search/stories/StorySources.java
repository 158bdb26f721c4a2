package io.akhbar.search.stories;

import java.util.Objects;
import java.util.Set;

/**
 * What the index knows about one story.
 *
 * @param articles articles in the story
 * @param sources  the distinct sources that carry it
 */
public record StorySources(long articles, Set<String> sources) {

    public static final StorySources NONE = new StorySources(0, Set.of());

    /** Sources other than {@code source} that carry the story. */
    public int otherThan(String source) {
        return (int) sources.stream().filter(s -> !Objects.equals(s, source)).count();
    }
}
