package io.akhbar.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Installs the built zip into a real Elasticsearch node (the version the descriptor names) and uses
 * every component through the REST API.
 */
class AkhbarAnalysisPluginIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INDEX = "akhbar-plugin-it";
    private static final List<String> REPORT = new ArrayList<>();

    private static TestNode node;

    @BeforeAll
    static void startNode() throws Exception {
        node = TestNode.start(Path.of(property("akhbar.es.distribution")), pluginZip(), Path.of(property("akhbar.es.root")));
        report("timings: " + node.timings());
        createIndex();
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (node == null) {
            return;
        }
        List<ProcessHandle> tree = node.processTree();
        node.close(Path.of("target/es-plugin-it-logs"));
        assertThat(tree).as("node processes left running").noneMatch(ProcessHandle::isAlive);
        Path report = Path.of(property("akhbar.it.report"));
        Files.write(report, REPORT, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Test
    void zipHasTheStablePluginLayout() throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(pluginZip());
                Stream<Path> entries = Files.list(zip.getPath("/"))) {
            List<String> names = entries.map(p -> p.getFileName().toString().replace("/", "")).sorted().toList();
            assertThat(names).contains("stable-plugin-descriptor.properties", "named_components.json")
                    .anyMatch(n -> n.startsWith("arabic-text-") && n.endsWith(".jar"))
                    .anyMatch(n -> n.startsWith("elasticsearch-plugin-") && n.endsWith(".jar"))
                    // Provided by the node; a second copy would be jar hell.
                    .noneMatch(n -> n.startsWith("lucene-") || n.startsWith("elasticsearch-plugin-api")
                            || n.startsWith("elasticsearch-plugin-analysis-api"));
            assertThat(names).noneMatch(n -> n.startsWith("plugin-descriptor"));
        }
    }

    @Test
    void nodeListsThePlugin() throws Exception {
        JsonNode plugins = get("/_cat/plugins?format=json");
        assertThat(plugins.findValuesAsString("component")).contains("akhbar-analysis");
    }

    @Test
    void analyzerAnalyzesTheNewsSentence() throws Exception {
        List<String> tokens = analyze(Map.of("analyzer", "akhbar_arabic", "text", "وبوتين للرئيس الأميركي ترمب في بموسكو"));
        report("_analyze akhbar_arabic 'وبوتين للرئيس الأميركي ترمب في بموسكو' -> " + tokens);
        assertThat(tokens).containsExactly("بوتين", "رييس", "اميرك", "ترمب", "موسكو");
    }

    @Test
    void eachFilterWorksOnItsOwn() throws Exception {
        assertThat(analyze(Map.of("tokenizer", "standard", "filter", List.of("akhbar_arabic_normalize"),
                "text", "أحمد إلى مدرسة مستشفى"))).containsExactly("احمد", "الي", "مدرسه", "مستشفي");
        assertThat(analyze(Map.of("tokenizer", "standard", "filter", List.of("akhbar_arabic_normalize", "akhbar_arabic_stop"),
                "text", "ذهب إلى البيت في الصباح"))).containsExactly("ذهب", "البيت", "الصباح");
        assertThat(analyze(Map.of("tokenizer", "standard", "filter", List.of("akhbar_arabic_normalize", "akhbar_arabic_clitics"),
                "text", "وبوتين بوتين والعقوبات بريطانيا"))).containsExactly("بوتين", "بوتين", "عقوبات", "بريطانيا");
        assertThat(analyze(Map.of("tokenizer", "standard", "filter", List.of("akhbar_arabic_normalize", "akhbar_arabic_stem"),
                "text", "ويتكوف بوتين والمسؤولين"))).containsExactly("ويتكوف", "بوتين", "مسوول");
    }

    @Test
    void settingsAreInjected() throws Exception {
        // names_stem is akhbar_arabic_stem with "protected_words": ["كيميان"] (see createIndex).
        assertThat(analyzeIn(Map.of("tokenizer", "standard", "filter", List.of("akhbar_arabic_normalize", "names_stem"),
                "text", "كيميان وكيميان بوتين"))).containsExactly("كيميان", "كيميان", "بوتين");
        assertThat(analyze(Map.of("tokenizer", "standard", "filter", List.of("akhbar_arabic_normalize", "akhbar_arabic_stem"),
                "text", "كيميان"))).containsExactly("كيم");
    }

    @Test
    void customAnalyzerFromTheFiltersIsUsableInAMapping() throws Exception {
        List<String> tokens = analyzeIn(Map.of("analyzer", "arabic_custom", "text", "وبوتين للرئيس الأميركي ترمب في بموسكو"));
        report("_analyze arabic_custom (standard + lowercase, normalize, stop, clitics, names_stem) -> " + tokens);
        assertThat(tokens).containsExactly("بوتين", "رييس", "اميرك", "ترمب", "موسكو");
    }

    @Test
    void variantsMatchAtSearchTime() throws Exception {
        for (String field : List.of("title", "body")) {
            // Clitics: بموسكو (doc 2) is found by موسكو, والرئيس by الرئيس.
            assertThat(search(field, "موسكو")).containsExactlyInAnyOrder("1", "2");
            assertThat(search(field, "الرئيس")).containsExactlyInAnyOrder("1", "2");
            assertThat(search(field, "وبوتين")).containsExactly("1");
            // Alef with hamza, teh marbuta, alef maksura.
            assertThat(search(field, "ايران")).containsExactly("3");
            assertThat(search(field, "مدرسه")).containsExactly("3");
            assertThat(search(field, "مستشفي")).containsExactly("3");
            assertThat(search(field, "محادثات")).containsExactly("3");
        }
    }

    @Test
    void transliterationVariantsAreReported() throws Exception {
        // ترمب / ترامب and أمريكي / أميركي are different spellings of the same names, not normalization
        // variants: nothing in the chain unifies them. Recorded for the report rather than asserted away.
        for (String field : List.of("title", "body")) {
            for (String query : List.of("ترمب", "ترامب", "الأمريكي", "الأميركي")) {
                report("match " + field + ":" + query + " -> ids " + search(field, query));
            }
        }
        assertThat(search("title", "ترمب")).contains("2");
        assertThat(search("title", "ترامب")).contains("1");
    }

    @Test
    void prefixQueriesAreNormalizedThroughTheFilter() throws Exception {
        // query_string runs wildcard terms through each filter's normalize(): أمريك* must become امريك*.
        for (String field : List.of("title", "body")) {
            JsonNode r = post("/" + INDEX + "/_search", Map.of("query",
                    Map.of("query_string", Map.of("query", "أمريك*", "default_field", field))));
            assertThat(ids(r)).as(field).contains("1");
        }
    }

    @Test
    void stableFiltersCannotBeUsedInKeywordNormalizers() throws Exception {
        // Elasticsearch 8.19 wraps stable token filters in a plain TokenFilterFactory, never in a
        // NormalizingTokenFilterFactory, so custom normalizers refuse them even though normalize() is
        // implemented (and is used for wildcard and prefix terms, see above). Pinned here so that the
        // limitation is visible, and noticed should an upgrade lift it.
        Map<String, Object> body = Map.of("settings", Map.of("analysis", Map.of("normalizer", Map.of("arabic_keyword",
                Map.of("type", "custom", "filter", List.of("lowercase", "akhbar_arabic_normalize"))))),
                "mappings", Map.of("properties", Map.of("tag", Map.of("type", "keyword", "normalizer", "arabic_keyword"))));
        HttpResponse<String> r = node.send("PUT", "/akhbar-plugin-it-normalizer", JSON.writeValueAsString(body));
        report("keyword normalizer with akhbar_arabic_normalize -> HTTP " + r.statusCode() + " "
                + JSON.readTree(r.body()).path("error").path("reason").asString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("may not use filter [akhbar_arabic_normalize]");
    }

    private static void createIndex() throws Exception {
        Map<String, Object> settings = Map.of(
                "number_of_shards", 1,
                "number_of_replicas", 0,
                "analysis", Map.of(
                        "filter", Map.of("names_stem", Map.of("type", "akhbar_arabic_stem", "protected_words", List.of("كيميان"))),
                        "analyzer", Map.of("arabic_custom", Map.of(
                                "type", "custom",
                                "tokenizer", "standard",
                                "filter", List.of("lowercase", "akhbar_arabic_normalize", "akhbar_arabic_stop",
                                        "akhbar_arabic_clitics", "names_stem")))));
        Map<String, Object> mappings = Map.of("properties", Map.of(
                "title", Map.of("type", "text", "analyzer", "arabic_custom"),
                "body", Map.of("type", "text", "analyzer", "akhbar_arabic")));
        request("PUT", "/" + INDEX, Map.of("settings", settings, "mappings", mappings));

        index("1", "ترامب يلتقي بوتين والرئيس الأمريكي السابق في موسكو");
        index("2", "ترمب والرئيس الأميركي بموسكو");
        index("3", "إيران تستضيف المحادثات في المدرسة قرب المستشفى");
        request("POST", "/" + INDEX + "/_refresh", null);
    }

    private static void index(String id, String text) throws Exception {
        request("PUT", "/" + INDEX + "/_doc/" + id, Map.of("title", text, "body", text));
    }

    private static List<String> search(String field, String query) throws Exception {
        return ids(post("/" + INDEX + "/_search", Map.of("query", Map.of("match", Map.of(field, query)))));
    }

    private static List<String> ids(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.path("hits").path("hits").forEach(h -> ids.add(h.path("_id").asString()));
        return ids;
    }

    private static List<String> analyze(Map<String, Object> body) throws Exception {
        return tokens(post("/_analyze", body));
    }

    private static List<String> analyzeIn(Map<String, Object> body) throws Exception {
        return tokens(post("/" + INDEX + "/_analyze", body));
    }

    private static List<String> tokens(JsonNode response) {
        List<String> tokens = new ArrayList<>();
        response.path("tokens").forEach(t -> tokens.add(t.path("token").asString()));
        return tokens;
    }

    private static JsonNode get(String path) throws Exception {
        return request("GET", path, null);
    }

    private static JsonNode post(String path, Object body) throws Exception {
        return request("POST", path, body);
    }

    private static JsonNode request(String method, String path, Object body) throws Exception {
        HttpResponse<String> r = node.send(method, path, body == null ? null : JSON.writeValueAsString(body));
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    private static void report(String line) {
        System.out.println("[akhbar-analysis IT] " + line);
        synchronized (REPORT) {
            REPORT.add(line);
        }
    }

    private static Path pluginZip() {
        return Path.of(property("akhbar.plugin.zip"));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + name + " not set; run through Maven (failsafe)");
        }
        return value;
    }
}
