package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchDistributionTest {

    @TempDir
    Path temp;

    @Test
    void unpacksWithoutTheTopLevelDirectoryAndWithExecutableScripts() throws IOException {
        Path zip = temp.resolve("es.zip");
        try (FileSystem zipFs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            Path bin = Files.createDirectories(zipFs.getPath("/elasticsearch-1.2.3/bin"));
            Files.writeString(bin.resolve("elasticsearch"), "#!/bin/sh\n");
            Path config = Files.createDirectories(zipFs.getPath("/elasticsearch-1.2.3/config"));
            Files.writeString(config.resolve("jvm.options"), "-Xss1m\n");
            Files.setPosixFilePermissions(config.resolve("jvm.options"), PosixFilePermissions.fromString("rw-------"));
        }
        Path home = temp.resolve("home");

        ElasticsearchDistribution.unpack(zip, home);

        assertThat(home.resolve("bin/elasticsearch")).isExecutable().hasContent("#!/bin/sh");
        assertThat(Files.getPosixFilePermissions(home.resolve("config/jvm.options")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void discoversPluginZipsBuiltByTheProject() throws IOException {
        Path target = Files.createDirectories(temp.resolve("elasticsearch-plugin/target"));
        Path plugin = Files.createFile(target.resolve("akhbar-analysis-0.1.0.zip"));
        Files.createFile(target.resolve("akhbar-analysis-0.1.0.jar"));

        assertThat(ElasticsearchDistribution.projectPlugins(temp)).containsExactly(plugin);
        assertThat(ElasticsearchDistribution.projectPlugins(temp.resolve("nowhere"))).isEmpty();
    }

    @Test
    void aPluginModuleThatWasNotBuiltStopsTheStartWithTheCommandToBuildIt() throws IOException {
        Path unbuilt = Files.createDirectories(temp.resolve("unbuilt/elasticsearch-plugin"));
        Path empty = Files.createDirectories(temp.resolve("empty/elasticsearch-plugin/target"));

        assertThatThrownBy(() -> ElasticsearchDistribution.projectPlugins(unbuilt.getParent()))
                .isInstanceOf(LocalStackException.class).hasMessageContaining("-pl elasticsearch-plugin");
        assertThatThrownBy(() -> ElasticsearchDistribution.projectPlugins(empty.getParent().getParent()))
                .isInstanceOf(LocalStackException.class).hasMessageContaining("No plugin zip");
    }
}
