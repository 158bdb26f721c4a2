package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BuildArtifactsTest {

    @Test
    void brokerClasspathHoldsKafkaItsClientAndALoggingBinding() {
        List<String> jars = BuildArtifacts.kafkaBrokerClasspath().stream()
                .map(path -> path.getFileName().toString())
                .toList();

        assertThat(jars).anyMatch(jar -> jar.startsWith("kafka_2.13-"))
                .anyMatch(jar -> jar.startsWith("kafka-clients-"))
                .anyMatch(jar -> jar.startsWith("kafka-server-"))
                .anyMatch(jar -> jar.startsWith("log4j-slf4j2-impl-"))
                .anyMatch(jar -> jar.startsWith("zstd-jni-"))
                .noneMatch(jar -> jar.startsWith("junit-") || jar.startsWith("assertj-"))
                .doesNotHaveDuplicates();
    }

    @Test
    void elasticsearchDistributionIsTheResolvedZip() {
        Path zip = BuildArtifacts.elasticsearchZip();

        assertThat(zip).isRegularFile();
        assertThat(zip.getFileName().toString()).startsWith("elasticsearch-").endsWith(".zip");
    }

    @Test
    void splitsClasspathsIgnoringBlankEntries() {
        assertThat(BuildArtifacts.splitClasspath(" /a.jar:/b.jar::\n")).containsExactly("/a.jar", "/b.jar");
    }
}
