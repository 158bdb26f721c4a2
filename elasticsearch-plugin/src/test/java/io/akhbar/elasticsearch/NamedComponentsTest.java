package io.akhbar.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.Nameable;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;
import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The generated metadata against the compiled classes, checked the way Elasticsearch will use it. */
class NamedComponentsTest {

    private static final String TOKEN_FILTER = "org.elasticsearch.plugin.analysis.TokenFilterFactory";
    private static final String ANALYZER = "org.elasticsearch.plugin.analysis.AnalyzerFactory";

    @Test
    void listsEveryComponentWithItsClass() throws IOException {
        assertThat(generated()).isEqualTo(Map.of(
                TOKEN_FILTER, Map.of(
                        "akhbar_arabic_normalize", ArabicNormalizeTokenFilterFactory.class.getName(),
                        "akhbar_arabic_stop", ArabicStopTokenFilterFactory.class.getName(),
                        "akhbar_arabic_clitics", ArabicCliticsTokenFilterFactory.class.getName(),
                        "akhbar_arabic_stem", ArabicStemTokenFilterFactory.class.getName()),
                ANALYZER, Map.of(
                        "akhbar_arabic", AkhbarArabicAnalyzerFactory.class.getName())));
    }

    @Test
    void matchesAScanOfTheCompiledClasses() throws Exception {
        // Guards against a partial file from an incremental compile that saw only some sources.
        Map<String, String> scanned = new TreeMap<>();
        for (Class<?> c : compiledClasses()) {
            NamedComponent named = c.getAnnotation(NamedComponent.class);
            if (named != null) {
                scanned.put(named.value(), c.getName());
            }
        }
        Map<String, String> listed = new TreeMap<>();
        generated().values().forEach(listed::putAll);
        assertThat(listed).isEqualTo(scanned);
    }

    @Test
    void everyComponentCanBeCreatedTheWayElasticsearchDoes() throws Exception {
        for (Map.Entry<String, Map<String, String>> extensible : generated().entrySet()) {
            Class<?> api = Class.forName(extensible.getKey());
            for (Map.Entry<String, String> component : extensible.getValue().entrySet()) {
                Class<?> c = Class.forName(component.getValue());
                assertThat(api).isAssignableFrom(c);
                assertThat(Modifier.isPublic(c.getModifiers())).as("%s is public", c).isTrue();
                Object instance = instantiate(c);
                assertThat(((Nameable) instance).name()).isEqualTo(component.getKey());
            }
        }
    }

    @Test
    void descriptorHasExactlyTheKeysAStableDescriptorAccepts() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target/plugin-descriptor/stable-plugin-descriptor.properties"))) {
            p.load(in);
        }
        assertThat(p.stringPropertyNames())
                .containsExactlyInAnyOrder("name", "description", "version", "elasticsearch.version", "java.version", "modular");
        assertThat(p.getProperty("name")).isEqualTo("akhbar-analysis");
        assertThat(p.getProperty("elasticsearch.version")).isEqualTo(System.getProperty("akhbar.es.version"));
        assertThat(p.getProperty("java.version")).isEqualTo("17");
        assertThat(p.getProperty("modular")).isEqualTo("false");
        assertThat(p.getProperty("version")).doesNotContain("@");
    }

    /** Like StableApiWrappers: the one public constructor, settings as a proxy that answers defaults. */
    private static Object instantiate(Class<?> c) throws Exception {
        Constructor<?>[] constructors = c.getConstructors();
        assertThat(constructors).as("public constructors of %s", c).hasSize(1);
        Constructor<?> constructor = constructors[0];
        if (constructor.getParameterCount() == 0) {
            return constructor.newInstance();
        }
        assertThat(constructor.getAnnotation(Inject.class)).as("@Inject on %s", constructor).isNotNull();
        Object[] args = new Object[constructor.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            Class<?> settings = constructor.getParameterTypes()[i];
            assertThat(settings.isInterface() && settings.isAnnotationPresent(AnalysisSettings.class)).isTrue();
            args[i] = Proxy.newProxyInstance(settings.getClassLoader(), new Class<?>[] {settings}, (proxy, method, a) -> {
                assertThat(method.getAnnotation(ListSetting.class)).as("setting annotation on %s", method).isNotNull();
                return Collections.emptyList();
            });
        }
        return constructor.newInstance(args);
    }

    private static Map<String, Map<String, String>> generated() throws IOException {
        try (InputStream in = NamedComponentsTest.class.getResourceAsStream("/named_components.json")) {
            assertThat(in).as("named_components.json on the class path (written by the annotation processor)").isNotNull();
            return JsonMapper.builder().build().readValue(in, new TypeReference<Map<String, Map<String, String>>>() { });
        }
    }

    private static List<Class<?>> compiledClasses() throws IOException, URISyntaxException {
        Path root = Path.of(ArabicNormalizeTokenFilterFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = root.resolve("io/akhbar/elasticsearch");
        try (Stream<Path> files = Files.list(pkg)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class"))
                    .map(n -> "io.akhbar.elasticsearch." + n.substring(0, n.length() - ".class".length()))
                    .map(NamedComponentsTest::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NamedComponentsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
