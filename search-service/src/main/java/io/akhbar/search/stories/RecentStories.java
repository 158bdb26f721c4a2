package io.akhbar.search.stories;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest story assignments of this instance, oldest evicted first. The index only shows a document after its
 * next refresh; a copy that arrives within that second would otherwise open a second story.
 */
final class RecentStories {

    private final Map<String, StoryAssigner.Earlier> byArticle;

    RecentStories(int capacity) {
        this.byArticle = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoryAssigner.Earlier> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(StoryAssigner.Earlier assigned) {
        byArticle.remove(assigned.articleId());
        byArticle.put(assigned.articleId(), assigned);
    }

    synchronized List<StoryAssigner.Earlier> near(long fingerprint, int maxDistance) {
        List<StoryAssigner.Earlier> near = new ArrayList<>();
        for (StoryAssigner.Earlier earlier : byArticle.values()) {
            if (Fingerprint.distance(fingerprint, earlier.fingerprint()) <= maxDistance) {
                near.add(earlier);
            }
        }
        return near;
    }
}
