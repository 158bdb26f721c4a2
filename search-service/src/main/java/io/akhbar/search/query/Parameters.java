package io.akhbar.search.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Checks of path and query parameters shared by the endpoints; each failure is a 400 naming the parameter. */
public final class Parameters {

    private static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    /** Entity ids look like {@code person:vladimir-putin}: a lower-case kind, a colon and a slug. */
    private static final Pattern ENTITY_ID = Pattern.compile("[a-z][a-z_]{0,31}:[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,127}");

    private Parameters() {
    }

    public static String articleId(String id) {
        if (id == null || !ARTICLE_ID.matcher(id).matches()) {
            throw new InvalidQueryException("id", "is not an article id");
        }
        return id;
    }

    public static String entityId(String parameter, String id) {
        if (id == null || !ENTITY_ID.matcher(id).matches()) {
            throw new InvalidQueryException(parameter, "is not an entity id (kind:slug, e.g. person:vladimir-putin)");
        }
        return id;
    }

    /** @param value the parameter as given, or null for the default */
    public static int size(String parameter, Integer value, int defaultSize, int max) {
        int size = value == null ? defaultSize : value;
        if (size < 1 || size > max) {
            throw new InvalidQueryException(parameter, "must be between 1 and " + max);
        }
        return size;
    }

    /**
     * A day ({@code 2026-01-22}, UTC) or an instant with offset ({@code 2026-01-22T10:15:30Z}). As an upper bound
     * ({@code endOfDay}) a day means the start of the next day, so that {@code to=2026-01-22} includes the 22nd.
     */
    static Instant date(String parameter, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(parameter, "must be a date (2026-01-22) or a date-time with offset "
                    + "(2026-01-22T10:15:30Z)");
        }
    }

    /** Both bounds as {@link #date}; {@code to} must come after {@code from}. */
    public static DateRange range(String from, String to) {
        Instant start = date("from", from, false);
        Instant end = date("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidQueryException("to", "must be after from");
        }
        return new DateRange(start, end);
    }

    /** @param from inclusive, or null; @param to exclusive, or null */
    public record DateRange(Instant from, Instant to) {
    }
}
