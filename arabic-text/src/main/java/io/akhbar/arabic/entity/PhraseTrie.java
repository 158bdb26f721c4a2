package io.akhbar.arabic.entity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over token sequences (not chars): each edge is one normalized token, so matching a text
 * costs one hash lookup per token and reading, and a multi-word name («حلف شمال الأطلسي») is found
 * in the same walk as a one-word name. The longest sequence wins, which is what makes «روسيا اليوم»
 * the channel rather than the country followed by «today».
 *
 * <p>Built once, then read-only and thread-safe.
 */
final class PhraseTrie {

    /** How the original text must be cased for a Latin form to count («NATO», not «nato»). */
    static final byte CASE_ANY = 0;
    static final byte CASE_CAPITALIZED = 1;
    static final byte CASE_UPPER = 2;

    /** Terminal marker for forms that two entries of the same rank claim: they match nothing. */
    static final int AMBIGUOUS = -2;
    /** Terminal marker for common phrases that contain a name: as the longest match they hide it. */
    static final int BLOCKED = -3;

    static final class Node {
        private Map<String, Node> next;
        int entry = -1;
        int rank = Integer.MAX_VALUE;
        boolean demonym;
        byte latinCase;

        Node child(String token) {
            return next == null ? null : next.get(token);
        }

        boolean hasChildren() {
            return next != null;
        }

        /** An entry or a blocked phrase ends here. */
        boolean isMatch() {
            return entry >= 0 || entry == BLOCKED;
        }
    }

    private final Node root = new Node();
    private int size;

    Node root() {
        return root;
    }

    /** Number of distinct forms. */
    int size() {
        return size;
    }

    /**
     * Adds a form for an entry. A form claimed by two entries goes to the better (lower) rank;
     * on equal ranks it becomes {@link #AMBIGUOUS}, unless the same entry claims it again.
     */
    void add(List<String> tokens, int entry, int rank, boolean demonym, byte latinCase) {
        if (tokens.isEmpty()) {
            return;
        }
        Node node = root;
        for (String token : tokens) {
            if (node.next == null) {
                node.next = new HashMap<>(4);
            }
            node = node.next.computeIfAbsent(token, t -> new Node());
        }
        if (node.entry == BLOCKED) {
            return;
        }
        if (entry == BLOCKED) {
            node.entry = BLOCKED;
            return;
        }
        if (node.entry == -1) {
            size++;
        } else if (node.entry == entry || rank > node.rank) {
            return;
        } else if (rank == node.rank) {
            node.entry = AMBIGUOUS;
            return;
        }
        node.entry = entry;
        node.rank = rank;
        node.demonym = demonym;
        node.latinCase = latinCase;
    }
}
