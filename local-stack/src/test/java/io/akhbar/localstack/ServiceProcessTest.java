package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path root;

    @Test
    void picksTheNewestExecutableJar() throws IOException {
        Path target = Files.createDirectories(root.resolve("nlp-service/target"));
        Path older = Files.createFile(target.resolve("nlp-service-0.0.9-exec.jar"));
        Path newer = Files.createFile(target.resolve("nlp-service-0.1.0-SNAPSHOT-exec.jar"));
        Files.createFile(target.resolve("nlp-service-0.1.0-SNAPSHOT.jar"));
        Files.setLastModifiedTime(older, FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(newer, FileTime.fromMillis(2_000));

        assertThat(ServiceProcess.executableJar(root, Service.NLP)).isEqualTo(newer);
    }

    @Test
    void tellsToPackageWhenTheJarIsMissing() throws IOException {
        Files.createDirectories(root.resolve("search-service/target"));
        Files.createFile(root.resolve("search-service/target/search-service-0.1.0-SNAPSHOT.jar"));

        assertThatThrownBy(() -> ServiceProcess.executableJar(root, Service.SEARCH))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("search-service")
                .hasMessageContaining("run ./mvnw -DskipTests package first");
    }

    @Test
    void pointsTheServiceAtTheLocalInfrastructure() {
        assertThat(ServiceProcess.arguments(18081, "127.0.0.1:19092", "http://127.0.0.1:19200")).containsExactly(
                "--server.port=18081",
                "--spring.cloud.stream.kafka.binder.brokers=127.0.0.1:19092",
                "--akhbar.elasticsearch.url=http://127.0.0.1:19200");
    }

    @Test
    void resolvesServicesByModuleName() {
        assertThat(Service.ofModule("ingest-service")).isEqualTo(Service.INGEST);
        assertThatThrownBy(() -> Service.ofModule("billing-service"))
                .hasMessageContaining("ingest-service, nlp-service, search-service");
    }

    @Test
    void extraDashXArgumentsGoToTheJvmAfterItsDefaultsAndTheRestToTheApplication() {
        List<String> defaults = ServiceProcess.arguments(18082, "127.0.0.1:19092", "http://127.0.0.1:19200");

        List<String> command = ServiceProcess.command(List.of("java", "-Dmarker"), Path.of("search-service-exec.jar"),
                defaults, List.of("-Xmn128m", "--server.port=18090", "-XX:SurvivorRatio=4"));

        assertThat(command).containsExactly("java", "-Dmarker", "-Xmx256m", "-XX:+UseSerialGC", "-Xmn128m",
                "-XX:SurvivorRatio=4", "-jar", "search-service-exec.jar",
                "--spring.cloud.stream.kafka.binder.brokers=127.0.0.1:19092",
                "--akhbar.elasticsearch.url=http://127.0.0.1:19200", "--server.port=18090");
    }

    @Test
    void anExtraArgumentReplacesTheDefaultForTheSameProperty() {
        List<String> defaults = ServiceProcess.arguments(18083, "127.0.0.1:19092", "http://127.0.0.1:19200");

        assertThat(ServiceProcess.withOverrides(defaults,
                List.of("--akhbar.elasticsearch.url=http://127.0.0.1:40000", "--logging.level.root=WARN")))
                .containsExactly("--server.port=18083", "--spring.cloud.stream.kafka.binder.brokers=127.0.0.1:19092",
                        "--akhbar.elasticsearch.url=http://127.0.0.1:40000", "--logging.level.root=WARN");
    }
}
