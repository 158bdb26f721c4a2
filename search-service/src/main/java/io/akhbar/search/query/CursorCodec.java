package io.akhbar.search.query;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Cursors as base64url JSON; anything that does not decode to a well-formed cursor is the client's error. */
@Component
class CursorCodec {

    private static final int MAX_LENGTH = 8192;

    private final JsonMapper json;

    CursorCodec(JsonMapper json) {
        this.json = json;
    }

    String encode(Cursor cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(cursor));
    }

    Cursor decode(String text) {
        if (text.length() > MAX_LENGTH) {
            throw invalid();
        }
        Cursor cursor;
        try {
            cursor = json.readValue(Base64.getUrlDecoder().decode(text), Cursor.class);
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid();
        }
        if (cursor == null || cursor.queryKey() == null || cursor.searchAfter() == null || cursor.searchAfter().isEmpty()
                || cursor.searchAfter().stream().anyMatch(v -> !(v instanceof String || v instanceof Number))) {
            throw invalid();
        }
        return cursor;
    }

    /** Ties a cursor to the request it continues; the page size may change between pages. */
    String queryKey(ParsedQuery query, SearchCriteria.Filters filters, SearchCriteria.Sort sort) {
        String canonical = json.writeValueAsString(List.of(query.text(), filters, sort.name()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static InvalidQueryException invalid() {
        return new InvalidQueryException("cursor", "is not a cursor returned by this search");
    }
}
