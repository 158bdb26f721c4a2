package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** A private copy of the Elasticsearch distribution: ES writes its keystore and plugins into its home. */
final class ElasticsearchDistribution {

    private ElasticsearchDistribution() {
    }

    /** Unpacks the zip's single top-level directory into {@code home}, keeping the Unix modes recorded in the zip. */
    static void unpack(Path zip, Path home) {
        // zipfs exposes the stored modes only when asked; without them the bin/ scripts would not be executable.
        try (FileSystem zipFs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("enablePosixFileAttributes", "true"))) {
            Path top = singleTopLevelDirectory(zipFs.getPath("/"));
            try (Stream<Path> entries = Files.walk(top)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    Path target = home.resolve(top.relativize(entry).toString());
                    if (Files.isDirectory(entry)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(entry, target);
                    }
                    applyMode(entry, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip + " into " + home, e);
        }
        makeScriptsExecutable(home.resolve("bin"));
    }

    private static Path singleTopLevelDirectory(Path root) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            List<Path> all = new ArrayList<>();
            children.forEach(all::add);
            if (all.size() != 1 || !Files.isDirectory(all.get(0))) {
                throw new LocalStackException("Expected one top-level directory in the Elasticsearch zip, found " + all);
            }
            return all.get(0);
        }
    }

    private static void applyMode(Path entry, Path target) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(entry);
            if (!mode.isEmpty()) {
                Files.setPosixFilePermissions(target, mode);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // No mode stored for this entry; the default is fine for everything except bin/, handled below.
        }
    }

    private static void makeScriptsExecutable(Path bin) {
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(bin)) {
            for (Path script : scripts) {
                Set<PosixFilePermission> mode = EnumSet.copyOf(Files.getPosixFilePermissions(script));
                mode.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
                Files.setPosixFilePermissions(script, mode);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new LocalStackException("Cannot make the scripts in " + bin + " executable", e);
        }
    }

    /** Installs plugins as the current user, before ownership is handed to the user that runs the node. */
    static void installPlugins(Path home, Path tmpDir, List<Path> pluginZips, Path log, Duration timeout) {
        for (Path plugin : pluginZips) {
            if (!Files.isRegularFile(plugin)) {
                throw new LocalStackException("Elasticsearch plugin " + plugin + " does not exist");
            }
            ChildProcess.run("elasticsearch-plugin install " + plugin.getFileName(),
                    List.of(home.resolve("bin/elasticsearch-plugin").toString(), "install", "--batch",
                            plugin.toAbsolutePath().toUri().toString()),
                    Map.of("ES_JAVA_HOME", JavaCommand.javaHome().toString(),
                            "CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmpDir),
                    home, log, timeout);
        }
    }

    /** Plugin zips built by the project's elasticsearch-plugin module, if it has been built. */
    static List<Path> projectPlugins(Path projectRoot) {
        Path module = projectRoot.resolve("elasticsearch-plugin");
        Path target = module.resolve("target");
        List<Path> zips = new ArrayList<>();
        if (!Files.isDirectory(module)) {
            return zips;
        }
        if (!Files.isDirectory(target)) {
            // Without it every index creation fails later on an unknown analyzer, far from the cause.
            throw new LocalStackException("The project's Elasticsearch plugin is not built (" + target + " is "
                    + "missing); include it in the build: ./mvnw -pl elasticsearch-plugin,<module> -am verify");
        }
        try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "*.zip")) {
            found.forEach(zips::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + target, e);
        }
        if (zips.isEmpty()) {
            throw new LocalStackException("No plugin zip in " + target + "; build it: ./mvnw -pl elasticsearch-plugin "
                    + "package -DskipTests");
        }
        zips.sort(null);
        return zips;
    }
}
