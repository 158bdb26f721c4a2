package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ElasticsearchCommandTest {

    private static final Path DIR = Path.of("/tmp/akhbar-stack-1/elasticsearch");

    @Test
    void runsTheLauncherScriptWithSingleNodeSettings() {
        List<String> command = command(List.of()).command();

        assertThat(command.get(0)).isEqualTo("/tmp/akhbar-stack-1/elasticsearch/home/bin/elasticsearch");
        assertThat(command).containsSubsequence("-E", "discovery.type=single-node")
                .containsSubsequence("-E", "xpack.security.enabled=false")
                .containsSubsequence("-E", "http.port=19200")
                .containsSubsequence("-E", "transport.port=19300")
                .containsSubsequence("-E", "path.data=/tmp/akhbar-stack-1/elasticsearch/data")
                .containsSubsequence("-E", "path.logs=/tmp/akhbar-stack-1/elasticsearch/logs");
    }

    @Test
    void prefixesTheRunAsCommandWhenGiven() {
        List<String> command = command(List.of("/usr/sbin/runuser", "-u", "akhbar-es", "--")).command();

        assertThat(command).startsWith("/usr/sbin/runuser", "-u", "akhbar-es", "--",
                "/tmp/akhbar-stack-1/elasticsearch/home/bin/elasticsearch");
    }

    @Test
    void passesJavaHeapTemporaryDirectoryAndMarkerThroughTheEnvironment() {
        var environment = command(List.of()).environment(Path.of("/usr/lib/jvm/java-17"));

        assertThat(environment)
                .containsEntry("ES_JAVA_HOME", "/usr/lib/jvm/java-17")
                .containsEntry("ES_TMPDIR", "/tmp/akhbar-stack-1/elasticsearch/tmp");
        assertThat(environment.get("ES_JAVA_OPTS"))
                .contains("-Xms512m", "-Xmx512m", "-Dakhbar.localstack.workdir=/tmp/akhbar-stack-1");
        assertThat(environment.get("CLI_JAVA_OPTS")).contains("-Djava.io.tmpdir=/tmp/akhbar-stack-1/elasticsearch/tmp");
    }

    private static ElasticsearchCommand command(List<String> runAs) {
        return new ElasticsearchCommand(DIR.resolve("home"), DIR.resolve("data"), DIR.resolve("logs"),
                DIR.resolve("tmp"), 19200, 19300, runAs, "-Dakhbar.localstack.workdir=/tmp/akhbar-stack-1");
    }
}
