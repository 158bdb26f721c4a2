package io.akhbar.ingest.batch;

import io.akhbar.ingest.IngestProperties;
import io.akhbar.ingest.submission.ArticleSubmission;
import io.akhbar.ingest.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Splits a batch body into items. An NDJSON line stands alone, so a broken line is a problem of that item only; a
 * JSON array that is not well-formed has no item boundaries to trust, so it fails the whole request (nothing is
 * published then).
 */
@Component
class BatchReader {

    private final JsonMapper json;
    private final int maxItems;

    BatchReader(JsonMapper json, IngestProperties properties) {
        this.json = json;
        this.maxItems = properties.batch().maxItems();
    }

    List<BatchItem> readJsonArray(byte[] body) {
        List<BatchItem> items = new ArrayList<>();
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw unreadable("The body must be a JSON array of article objects, or NDJSON with "
                        + "Content-Type application/x-ndjson");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                checkCount(items.size());
                JsonNode node = parser.readValueAsTree();
                items.add(item(items.size(), null, node));
            }
            if (parser.nextToken() != null) {
                throw unreadable("The body has content after the JSON array");
            }
        } catch (JacksonException e) {
            throw unreadable("The body is not a well-formed JSON array (" + location(e) + "); fix it, or send NDJSON "
                    + "so that a broken item does not hold back the others");
        }
        return nonEmpty(items);
    }

    List<BatchItem> readNdjson(byte[] body) {
        List<BatchItem> items = new ArrayList<>();
        int start = 0;
        int line = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '\n', start);
            line++;
            int stop = end > start && body[end - 1] == '\r' ? end - 1 : end;
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body, start, stop - start))
                        .toString();
            } catch (CharacterCodingException e) {
                checkCount(items.size());
                items.add(BatchItem.unreadable(items.size(), line, "The line is not valid UTF-8"));
                start = end + 1;
                continue;
            }
            start = end + 1;
            if (text.isBlank()) {
                continue;
            }
            checkCount(items.size());
            items.add(line(items.size(), line, text));
        }
        return nonEmpty(items);
    }

    private BatchItem line(int index, int line, String text) {
        try (JsonParser parser = json.createParser(text)) {
            parser.nextToken();
            JsonNode node = parser.readValueAsTree();
            if (parser.nextToken() != null) {
                return BatchItem.unreadable(index, line, "The line holds more than one JSON value");
            }
            return item(index, line, node);
        } catch (JacksonException e) {
            return BatchItem.unreadable(index, line, "The line is not valid JSON (" + location(e) + ")");
        }
    }

    private BatchItem item(int index, Integer line, JsonNode node) {
        if (!node.isObject()) {
            return BatchItem.unreadable(index, line, "An item must be a JSON object with at least a body");
        }
        try {
            return BatchItem.read(index, line, json.treeToValue(node, ArticleSubmission.class));
        } catch (JacksonException e) {
            String field = e.getPath().stream()
                    .map(JacksonException.Reference::getPropertyName)
                    .filter(name -> name != null)
                    .collect(Collectors.joining("."));
            return BatchItem.unreadable(index, line, field.isEmpty()
                    ? "The item does not have the shape of an article"
                    : field + ": must be a string");
        }
    }

    private void checkCount(int itemsSoFar) {
        if (itemsSoFar >= maxItems) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Batch too large",
                    "A batch holds at most " + maxItems + " articles; split it into smaller batches")
                    .with("maxItems", maxItems);
        }
    }

    private static List<BatchItem> nonEmpty(List<BatchItem> items) {
        if (items.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "empty-batch", "Empty batch",
                    "The batch holds no articles");
        }
        return items;
    }

    private static ProblemException unreadable(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body", detail);
    }

    /** Where the parser stopped; never the parser's message, which may echo the input. */
    private static String location(JacksonException e) {
        var location = e.getLocation();
        return location == null ? "at an unknown position"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return bytes.length;
    }
}
