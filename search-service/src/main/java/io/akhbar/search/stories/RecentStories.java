package io.akhbar.search.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The latest story assignments of this instance, oldest evicted first. The index only shows a document after its
 * next refresh; a copy that arrives within that second would otherwise open a second story.
 *
 * <p>Assignments are also kept by fingerprint band, as the index keeps them: within fewer bits than there are bands,
 * two fingerprints share a band, so a look-up reads the few assignments sharing one instead of scanning all of them
 * for every indexed article.
 */
final class RecentStories {

    private record Remembered(long order, StoryAssigner.Earlier earlier) {
    }

    private final int capacity;
    private final LinkedHashMap<String, Remembered> byArticle = new LinkedHashMap<>();
    private final Map<Long, Set<String>> byBand = new HashMap<>();
    private long nextOrder;

    RecentStories(int capacity) {
        this.capacity = capacity;
    }

    synchronized void remember(StoryAssigner.Earlier assigned) {
        Remembered previous = byArticle.remove(assigned.articleId());
        if (previous != null) {
            unindex(previous.earlier());
        }
        byArticle.put(assigned.articleId(), new Remembered(nextOrder++, assigned));
        index(assigned);
        if (byArticle.size() > capacity) {
            Iterator<Remembered> eldest = byArticle.values().iterator();
            StoryAssigner.Earlier evicted = eldest.next().earlier();
            eldest.remove();
            unindex(evicted);
        }
    }

    /** The assignments within {@code maxDistance} bits of {@code fingerprint}, oldest first. */
    synchronized List<StoryAssigner.Earlier> near(long fingerprint, int maxDistance) {
        List<Remembered> near = new ArrayList<>();
        if (maxDistance >= Fingerprint.BANDS) {
            // Beyond the pigeonhole bound sharing a band proves nothing: look at every one.
            for (Remembered remembered : byArticle.values()) {
                if (Fingerprint.distance(fingerprint, remembered.earlier().fingerprint()) <= maxDistance) {
                    near.add(remembered);
                }
            }
        } else {
            Set<String> looked = new HashSet<>();
            for (long band : bands(fingerprint)) {
                for (String articleId : byBand.getOrDefault(band, Set.of())) {
                    Remembered remembered = byArticle.get(articleId);
                    if (looked.add(articleId)
                            && Fingerprint.distance(fingerprint, remembered.earlier().fingerprint()) <= maxDistance) {
                        near.add(remembered);
                    }
                }
            }
            near.sort(Comparator.comparingLong(Remembered::order));
        }
        return near.stream().map(Remembered::earlier).toList();
    }

    private void index(StoryAssigner.Earlier earlier) {
        for (long band : bands(earlier.fingerprint())) {
            byBand.computeIfAbsent(band, key -> new HashSet<>()).add(earlier.articleId());
        }
    }

    private void unindex(StoryAssigner.Earlier earlier) {
        for (long band : bands(earlier.fingerprint())) {
            Set<String> articles = byBand.get(band);
            if (articles != null && articles.remove(earlier.articleId()) && articles.isEmpty()) {
                byBand.remove(band);
            }
        }
    }

    /** Each band's 16 bits, with the band's number above them so that equal bits in different bands differ. */
    private static long[] bands(long fingerprint) {
        long[] bands = new long[Fingerprint.BANDS];
        for (int band = 0; band < Fingerprint.BANDS; band++) {
            bands[band] = ((long) band << 16) | Fingerprint.band(fingerprint, band);
        }
        return bands;
    }
}
