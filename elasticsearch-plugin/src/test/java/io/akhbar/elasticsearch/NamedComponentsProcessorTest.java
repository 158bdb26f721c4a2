package io.akhbar.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.akhbar.elasticsearch.build.NamedComponentsProcessor;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor's checks turn what would be a node-start failure into a compile error. */
class NamedComponentsProcessorTest {

    @TempDir
    Path dir;

    @Test
    void writesTheIndexForAValidComponent() throws IOException {
        Result r = compile("""
                package x;
                @org.elasticsearch.plugin.NamedComponent("my_filter")
                public class MyFilter implements org.elasticsearch.plugin.analysis.TokenFilterFactory {
                    public org.apache.lucene.analysis.TokenStream create(org.apache.lucene.analysis.TokenStream ts) {
                        return ts;
                    }
                    public static class Nested implements org.elasticsearch.plugin.analysis.AnalyzerFactory {
                        public org.apache.lucene.analysis.Analyzer create() { return null; }
                    }
                }
                """, """
                package x;
                @org.elasticsearch.plugin.NamedComponent("nested")
                public class Holder extends MyFilter {
                }
                """);

        assertThat(r.errors()).isEmpty();
        assertThat(Files.readString(dir.resolve("out/named_components.json"))).isEqualTo("""
                {
                  "org.elasticsearch.plugin.analysis.TokenFilterFactory": {
                    "my_filter": "x.MyFilter",
                    "nested": "x.Holder"
                  }
                }
                """);
    }

    @Test
    void rejectsAClassWithoutExtensibleSupertype() throws IOException {
        Result r = compile("""
                package x;
                @org.elasticsearch.plugin.NamedComponent("lonely")
                public class Lonely {
                }
                """);
        assertThat(r.errors()).singleElement().asString().contains("lonely", "no @Extensible interface");
        assertThat(dir.resolve("out/named_components.json")).doesNotExist();
    }

    @Test
    void rejectsWhatElasticsearchCannotInstantiate() throws IOException {
        Result r = compile("""
                package x;
                @org.elasticsearch.plugin.NamedComponent("two_constructors")
                public class Two implements org.elasticsearch.plugin.analysis.TokenFilterFactory {
                    public Two() { }
                    public Two(String s) { }
                    public org.apache.lucene.analysis.TokenStream create(org.apache.lucene.analysis.TokenStream ts) { return ts; }
                }
                """, """
                package x;
                @org.elasticsearch.plugin.NamedComponent("hidden")
                class Hidden implements org.elasticsearch.plugin.analysis.TokenFilterFactory {
                    public org.apache.lucene.analysis.TokenStream create(org.apache.lucene.analysis.TokenStream ts) { return ts; }
                }
                """, """
                package x;
                @org.elasticsearch.plugin.NamedComponent("not_injected")
                public class NotInjected implements org.elasticsearch.plugin.analysis.TokenFilterFactory {
                    public NotInjected(String s) { }
                    public org.apache.lucene.analysis.TokenStream create(org.apache.lucene.analysis.TokenStream ts) { return ts; }
                }
                """);
        assertThat(r.errors()).hasSize(3).anySatisfy(e -> assertThat(e).contains("exactly one public constructor"))
                .anySatisfy(e -> assertThat(e).contains("public, concrete class"))
                .anySatisfy(e -> assertThat(e).contains("@org.elasticsearch.plugin.Inject"));
    }

    @Test
    void rejectsANameUsedTwice() throws IOException {
        String body = " implements org.elasticsearch.plugin.analysis.TokenFilterFactory {"
                + " public org.apache.lucene.analysis.TokenStream create(org.apache.lucene.analysis.TokenStream ts) { return ts; } }";
        Result r = compile("package x; @org.elasticsearch.plugin.NamedComponent(\"same\") public class A" + body,
                "package x; @org.elasticsearch.plugin.NamedComponent(\"same\") public class B" + body);
        assertThat(r.errors()).singleElement().asString().contains("same", "already used");
    }

    private record Result(List<String> errors) {
    }

    private Result compile(String... sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/x"));
        Path out = Files.createDirectories(dir.resolve("out"));
        List<Path> files = new ArrayList<>();
        for (String source : sources) {
            String name = source.replaceAll("(?s).*?(?:class|interface) (\\w+).*", "$1");
            Path f = src.resolve(name + ".java");
            Files.writeString(f, source, StandardCharsets.UTF_8);
            files.add(f);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-proc:only", "-classpath", classPath(),
                    "-processor", NamedComponentsProcessor.class.getName(), "-processorpath", location(NamedComponentsProcessor.class));
            javac.getTask(new StringWriter(), fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
        }
        return new Result(diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT))
                .collect(Collectors.toList()));
    }

    private static String classPath() {
        return String.join(java.io.File.pathSeparator,
                location(NamedComponent.class), location(TokenFilterFactory.class), location(TokenStream.class));
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
