package io.akhbar.search.query;

import java.util.List;

/**
 * Where a page ended. Opaque to clients (base64url JSON).
 *
 * @param pit         the point in time later pages read, or null until the second page opens one
 * @param searchAfter the sort values of the last hit
 * @param queryKey    a digest of the query, filters and sort the cursor belongs to
 */
record Cursor(String pit, List<Object> searchAfter, String queryKey) {
}
