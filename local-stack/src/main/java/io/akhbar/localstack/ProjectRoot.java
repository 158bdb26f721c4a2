package io.akhbar.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the checkout of the Akhbar project, whose build output holds the service jars and plugin zips. */
final class ProjectRoot {

    static final String PROPERTY = "akhbar.project.root";

    private ProjectRoot() {
    }

    static Path locate() {
        return locate(System.getProperty(PROPERTY), Path.of(System.getProperty("user.dir")));
    }

    static Path locate(String configuredRoot, Path currentDirectory) {
        Optional<Path> found = Optional.empty();
        if (configuredRoot != null && !configuredRoot.isBlank()) {
            found = findFrom(Path.of(configuredRoot));
        }
        if (found.isEmpty()) {
            found = findFrom(currentDirectory);
        }
        return found.orElseThrow(() -> new LocalStackException(
                "Cannot find the Akhbar project root (a directory with pom.xml and ingest-service/) above "
                        + currentDirectory
                        + (configuredRoot == null ? "" : " or " + configuredRoot)
                        + "; run from inside the project or pass -D" + PROPERTY + "=<dir>"));
    }

    static Optional<Path> findFrom(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("ingest-service"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
