package io.akhbar.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the pipeline benchmark ({@code io.akhbar.localstack.bench}) needs from this package's internals, so that they
 * can stay package-private. Not a general API: it may change with the benchmark.
 */
public final class BenchSupport {

    private BenchSupport() {
    }

    /** The checkout (pom.xml and ingest-service/), from {@code -Dakhbar.project.root} or the working directory. */
    public static Path projectRoot() {
        return ProjectRoot.locate();
    }

    /** Objects become {@code Map<String, Object>}, arrays lists, numbers doubles. */
    public static Object parseJson(String text) {
        return Json.parse(text);
    }

    public static Map<String, Object> parseJsonObject(String text) {
        return Json.parseObject(text);
    }

    /** The classpath the broker runs with; it also holds {@code org.apache.kafka.tools.ProducerPerformance}. */
    public static String kafkaClasspath() {
        return BuildArtifacts.kafkaBrokerClasspath().stream()
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The option that marks a JVM as belonging to the stack, as on every JVM the stack starts itself. */
    public static String markerOption(LocalStack stack) {
        return "-D" + JavaCommand.MARKER_PROPERTY + "=" + stack.workDirectory();
    }

    /**
     * The processes the stack started, by name ({@code kafka}, {@code elasticsearch}, {@code ingest-service}, ...),
     * each with its whole tree (launcher scripts included), as recorded in the stack's pid file.
     */
    public static Map<String, List<Long>> childPids(LocalStack stack) {
        Map<String, List<Long>> pids = new LinkedHashMap<>();
        try {
            // WorkDir.pidFile(): the file the stack rewrites whenever it starts or stops a child.
            for (PidFile.Entry entry : PidFile.read(stack.workDirectory().resolve("pids"))) {
                if (entry.role() == PidFile.Role.CHILD) {
                    pids.computeIfAbsent(entry.name(), ignored -> new ArrayList<>()).add(entry.pid());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the pid file of " + stack, e);
        }
        return pids;
    }
}
