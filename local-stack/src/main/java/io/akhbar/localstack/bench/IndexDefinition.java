package io.akhbar.localstack.bench;

import io.akhbar.localstack.BenchSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * search-service's newest index definition ({@code elasticsearch/articles-vN.json}), read from the checkout at run
 * time so that the raw baselines index into exactly the settings, analyzers and mapping the service uses.
 *
 * @param json the file as it is: settings and mappings, the body of an index creation request
 */
record IndexDefinition(int version, String json, Map<String, Object> properties) {

    static final String RESOURCE_DIR = "search-service/src/main/resources/elasticsearch";
    private static final Pattern FILE = Pattern.compile("articles-v(\\d+)\\.json");

    static IndexDefinition newest(Path projectRoot) {
        Path dir = projectRoot.resolve(RESOURCE_DIR);
        Path newest = null;
        int newestVersion = -1;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "articles-v*.json")) {
            for (Path file : files) {
                Matcher matcher = FILE.matcher(file.getFileName().toString());
                if (matcher.matches() && Integer.parseInt(matcher.group(1)) > newestVersion) {
                    newestVersion = Integer.parseInt(matcher.group(1));
                    newest = file;
                }
            }
            if (newest == null) {
                throw new IllegalStateException("No articles-v<N>.json in " + dir);
            }
            return parse(newestVersion, Files.readString(newest, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the index definition in " + dir, e);
        }
    }

    @SuppressWarnings("unchecked")
    static IndexDefinition parse(int version, String json) {
        Map<String, Object> definition = BenchSupport.parseJsonObject(json);
        Object mappings = definition.get("mappings");
        Object properties = mappings instanceof Map<?, ?> map ? map.get("properties") : null;
        if (!(properties instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("The index definition has no mappings.properties");
        }
        return new IndexDefinition(version, json, (Map<String, Object>) properties);
    }

    /** The document without the fields the mapping does not have (it is strict: they would be refused). */
    Map<String, Object> retainMapped(Map<String, Object> document) {
        return retain(document, properties);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> retain(Map<String, Object> document, Map<String, Object> properties) {
        Map<String, Object> kept = new LinkedHashMap<>();
        document.forEach((field, value) -> {
            Object mapping = properties.get(field);
            if (!(mapping instanceof Map<?, ?> fieldMapping)) {
                return;
            }
            Object inner = fieldMapping.get("properties");
            if (inner instanceof Map<?, ?> innerProperties) {
                kept.put(field, retainInner(value, (Map<String, Object>) innerProperties));
            } else {
                kept.put(field, value);
            }
        });
        return kept;
    }

    @SuppressWarnings("unchecked")
    private static Object retainInner(Object value, Map<String, Object> properties) {
        if (value instanceof Map<?, ?> object) {
            return retain((Map<String, Object>) object, properties);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> retainInner(item, properties)).toList();
        }
        return value;
    }
}
