package io.akhbar.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the build put what the children run: the broker's jars and the Elasticsearch distribution, both resolved
 * by Maven into the local repository and listed in resource files by maven-dependency-plugin.
 */
final class BuildArtifacts {

    private static final String PROVIDED_CLASSPATH = "kafka-broker-provided.classpath";
    private static final String RUNTIME_CLASSPATH = "kafka-broker-runtime.classpath";
    private static final String ELASTICSEARCH_ZIP = "elasticsearch-distribution.path";

    private BuildArtifacts() {
    }

    static List<Path> kafkaBrokerClasspath() {
        Set<String> entries = new LinkedHashSet<>();
        entries.addAll(splitClasspath(resource(PROVIDED_CLASSPATH)));
        entries.addAll(splitClasspath(resource(RUNTIME_CLASSPATH)));
        List<Path> jars = new ArrayList<>();
        for (String entry : entries) {
            jars.add(existing(Path.of(entry)));
        }
        return jars;
    }

    static Path elasticsearchZip() {
        return existing(Path.of(resource(ELASTICSEARCH_ZIP).trim()));
    }

    static List<String> splitClasspath(String classpath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.trim().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry.trim());
            }
        }
        return entries;
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new LocalStackException(path + " is listed by the local-stack build but missing; "
                    + "rebuild it: ./mvnw -pl local-stack -am install -DskipTests");
        }
        return path;
    }

    private static String resource(String name) {
        try (InputStream in = BuildArtifacts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new LocalStackException("Resource " + name + " is missing from local-stack; it is written by "
                        + "maven-dependency-plugin, so build with Maven rather than only an IDE compile");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
