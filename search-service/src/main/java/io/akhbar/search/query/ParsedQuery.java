package io.akhbar.search.query;

import java.util.List;

/**
 * A query after parsing: every required clause must match, no excluded clause may.
 *
 * @param text     the query as typed
 * @param required clauses joined by AND
 * @param excluded clauses after {@code -}
 */
record ParsedQuery(String text, List<Clause> required, List<Clause> excluded) {

    static final ParsedQuery EVERYTHING = new ParsedQuery("", List.of(), List.of());

    boolean isEmpty() {
        return required.isEmpty() && excluded.isEmpty();
    }
}
