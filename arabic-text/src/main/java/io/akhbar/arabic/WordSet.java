package io.akhbar.arabic;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An immutable set of words that can be probed with a String, any char range or a char buffer
 * (a Lucene term) without allocating. Matching is exact: normalize words and probes the same way.
 */
public final class WordSet {

    private static final WordSet EMPTY = new WordSet(Set.of());

    private final String[] slots;
    private final int mask;
    private final Set<String> words;

    private WordSet(Set<String> words) {
        this.words = Collections.unmodifiableSet(words);
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 2) - 1) << 1;
        this.slots = new String[capacity];
        this.mask = capacity - 1;
        for (String w : words) {
            int i = spread(w.hashCode()) & mask;
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            slots[i] = w;
        }
    }

    /** A set of exactly these words (no normalization). */
    public static WordSet of(Collection<? extends CharSequence> words) {
        if (words.isEmpty()) {
            return EMPTY;
        }
        Set<String> copy = new LinkedHashSet<>();
        for (CharSequence w : words) {
            copy.add(w.toString());
        }
        return new WordSet(copy);
    }

    /** A set of exactly these words (no normalization). */
    public static WordSet of(String... words) {
        return of(Arrays.asList(words));
    }

    public static WordSet empty() {
        return EMPTY;
    }

    /** This set plus {@code more}. */
    public WordSet union(Collection<? extends CharSequence> more) {
        if (more.isEmpty()) {
            return this;
        }
        Set<String> copy = new LinkedHashSet<>(words);
        for (CharSequence w : more) {
            copy.add(w.toString());
        }
        return new WordSet(copy);
    }

    public boolean contains(CharSequence word) {
        if (word instanceof String) {
            String s = (String) word;
            int i = spread(s.hashCode()) & mask;
            String slot;
            while ((slot = slots[i]) != null) {
                if (slot.equals(s)) {
                    return true;
                }
                i = (i + 1) & mask;
            }
            return false;
        }
        return contains(word, 0, word.length());
    }

    /** True when {@code text[start, end)} is in the set. */
    public boolean contains(CharSequence text, int start, int end) {
        int h = 0;
        for (int k = start; k < end; k++) {
            h = 31 * h + text.charAt(k);
        }
        int len = end - start;
        int i = spread(h) & mask;
        String slot;
        while ((slot = slots[i]) != null) {
            if (slot.length() == len && regionEquals(slot, text, start)) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    /** True when {@code buf[off, off + len)} is in the set. */
    public boolean contains(char[] buf, int off, int len) {
        int h = 0;
        for (int k = off, end = off + len; k < end; k++) {
            h = 31 * h + buf[k];
        }
        int i = spread(h) & mask;
        String slot;
        while ((slot = slots[i]) != null) {
            if (slot.length() == len && regionEquals(slot, buf, off)) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    public int size() {
        return words.size();
    }

    /** The words, as an unmodifiable set. */
    public Set<String> asSet() {
        return words;
    }

    @Override
    public String toString() {
        return words.toString();
    }

    private static boolean regionEquals(String slot, CharSequence text, int start) {
        for (int k = 0, n = slot.length(); k < n; k++) {
            if (slot.charAt(k) != text.charAt(start + k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean regionEquals(String slot, char[] buf, int off) {
        for (int k = 0, n = slot.length(); k < n; k++) {
            if (slot.charAt(k) != buf[off + k]) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
