package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRootTest {

    @TempDir
    Path temp;

    @Test
    void walksUpToTheDirectoryWithPomAndIngestService() throws IOException {
        Path root = project(temp.resolve("checkout"));
        Path nested = Files.createDirectories(root.resolve("local-stack/src/test"));

        assertThat(ProjectRoot.locate(null, nested)).isEqualTo(root);
    }

    @Test
    void skipsModulesThatHaveAPomButNoIngestService() throws IOException {
        Path root = project(temp.resolve("checkout"));
        Path module = Files.createDirectories(root.resolve("nlp-service"));
        Files.writeString(module.resolve("pom.xml"), "<project/>");

        assertThat(ProjectRoot.findFrom(module)).contains(root);
    }

    @Test
    void prefersTheConfiguredRoot() throws IOException {
        Path configured = project(temp.resolve("configured"));
        Path current = project(temp.resolve("current"));

        assertThat(ProjectRoot.locate(configured.toString(), current)).isEqualTo(configured);
    }

    @Test
    void fallsBackToTheCurrentDirectoryWhenTheConfiguredRootIsWrong() throws IOException {
        Path current = project(temp.resolve("current"));

        assertThat(ProjectRoot.locate(temp.resolve("elsewhere").toString(), current)).isEqualTo(current);
    }

    @Test
    void explainsHowToFixAMissingRoot() {
        assertThatThrownBy(() -> ProjectRoot.locate(null, temp))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("Cannot find the Akhbar project root")
                .hasMessageContaining("-Dakhbar.project.root");
    }

    @Test
    void findsThisCheckout() {
        assertThat(ProjectRoot.findFrom(Path.of("").toAbsolutePath()))
                .hasValueSatisfying(root -> assertThat(root.resolve("local-stack")).isDirectory());
    }

    private static Path project(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("ingest-service"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        return dir;
    }
}
