package io.akhbar.arabic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Words that the {@link LightStemmer} returns unstemmed (after removing proclitics in front of
 * them): names whose endings look like suffixes. Entries are normalized on the way in, so callers
 * may pass natural spellings. Immutable.
 */
public final class ProtectedWords {

    /** Classpath resource of the default list, relative to this package. */
    public static final String DEFAULT_RESOURCE = "protected-names.txt";

    private static final class Defaults {
        static final ProtectedWords INSTANCE = new ProtectedWords(WordSet.of(WordLists.readNormalized(DEFAULT_RESOURCE)));
    }

    private final WordSet words;

    private ProtectedWords(WordSet words) {
        this.words = words;
    }

    /** The list shipped in {@code io/akhbar/arabic/protected-names.txt}. */
    public static ProtectedWords defaults() {
        return Defaults.INSTANCE;
    }

    /** Exactly these words (normalized), without the defaults. */
    public static ProtectedWords of(Collection<String> words) {
        return new ProtectedWords(WordSet.of(normalizeAll(words)));
    }

    /** These words plus {@code extra} (normalized). */
    public ProtectedWords with(Collection<String> extra) {
        return extra.isEmpty() ? this : new ProtectedWords(words.union(normalizeAll(extra)));
    }

    public boolean contains(CharSequence normalizedWord) {
        return words.contains(normalizedWord);
    }

    public boolean contains(CharSequence text, int start, int end) {
        return words.contains(text, start, end);
    }

    public boolean contains(char[] buf, int off, int len) {
        return words.contains(buf, off, len);
    }

    /** The normalized words. */
    public Set<String> words() {
        return words.asSet();
    }

    private static List<String> normalizeAll(Collection<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            String n = ArabicNormalizer.normalize(w.strip());
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }
}
