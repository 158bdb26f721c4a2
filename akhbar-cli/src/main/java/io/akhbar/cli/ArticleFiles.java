package io.akhbar.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a folder of articles, recursively: a {@code .txt} file is one article whose body is the whole file (as the
 * API's text/plain, the title is then its first sentence); a {@code .json} file holds one article object or an array
 * of them; an {@code .ndjson} file one article object per line. Each becomes NDJSON lines for the batch endpoint,
 * which does the validation: a broken line is sent as it is and answered as that item's problem.
 */
final class ArticleFiles {

    private final JsonMapper json;

    ArticleFiles(JsonMapper json) {
        this.json = json;
    }

    /** Article files under {@code root}, in a stable order; hidden files and folders are skipped. */
    static List<Path> find(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> root.relativize(path).toString().isEmpty() || !isHidden(root.relativize(path)))
                    .filter(path -> kind(path) != null)
                    .sorted()
                    .toList();
        }
    }

    SourceFile read(Path file) {
        String text;
        try {
            text = utf8(Files.readAllBytes(file));
        } catch (CharacterCodingException e) {
            return SourceFile.unreadable(file, "not UTF-8 text");
        } catch (IOException e) {
            return SourceFile.unreadable(file, "cannot be read: " + e.getMessage());
        }
        return switch (kind(file)) {
            case "txt" -> SourceFile.of(file, List.of(new Item(file, "", json.writeValueAsString(Map.of("body", text)))));
            case "json" -> readJson(file, text);
            default -> readNdjson(file, text);
        };
    }

    private SourceFile readJson(Path file, String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            var location = e.getLocation();
            return SourceFile.unreadable(file, "not valid JSON" + (location == null ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        }
        if (node == null || node.isMissingNode()) {
            return SourceFile.unreadable(file, "empty file");
        }
        if (node.isObject()) {
            return SourceFile.of(file, List.of(new Item(file, "", json.writeValueAsString(node))));
        }
        if (!node.isArray()) {
            return SourceFile.unreadable(file, "must hold an article object or an array of them");
        }
        List<Item> items = new ArrayList<>();
        int index = 0;
        for (JsonNode element : node) {
            items.add(new Item(file, "item " + ++index, json.writeValueAsString(element)));
        }
        return SourceFile.of(file, items);
    }

    private static SourceFile readNdjson(Path file, String text) {
        List<Item> items = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (!line.isBlank()) {
                items.add(new Item(file, "line " + (i + 1), line));
            }
        }
        return SourceFile.of(file, items);
    }

    /** Strict UTF-8, without a leading byte order mark: a mis-encoded file must not become mojibake articles. */
    static String utf8(byte[] bytes) throws CharacterCodingException {
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                .toString();
    }

    private static String kind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return "txt";
        }
        if (name.endsWith(".json")) {
            return "json";
        }
        return name.endsWith(".ndjson") ? "ndjson" : null;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
