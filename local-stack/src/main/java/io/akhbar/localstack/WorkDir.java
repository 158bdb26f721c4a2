package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The per-stack scratch directory. It lives under a world-traversable temp directory rather than the project's
 * target/, because Elasticsearch may run as another user who cannot enter a checkout under /root.
 */
final class WorkDir {

    static final String PREFIX = "akhbar-stack-";
    static final String BASE_PROPERTY = "akhbar.localstack.tmpdir";

    private final Path root;

    private WorkDir(Path root) {
        this.root = root;
    }

    static Path defaultBase() {
        return Path.of(System.getProperty(BASE_PROPERTY, System.getProperty("java.io.tmpdir")));
    }

    static WorkDir create(Path base) {
        try {
            Files.createDirectories(base);
            Path root = Files.createTempDirectory(base, PREFIX).toRealPath();
            // createTempDirectory makes it private to us; the Elasticsearch user has to pass through.
            makeTraversable(root);
            WorkDir workDir = new WorkDir(root);
            Files.createDirectories(workDir.logs());
            makeTraversable(workDir.logs());
            return workDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a work directory under " + base, e);
        }
    }

    private static void makeTraversable(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    Path root() {
        return root;
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path elasticsearch() {
        return root.resolve("elasticsearch");
    }

    Path pidFile() {
        return root.resolve("pids");
    }

    /** Removes the directory; with keepLogs only the bulky data and distribution copies go. */
    void delete(boolean keepLogs) {
        if (keepLogs) {
            deleteTree(kafka());
            deleteTree(elasticsearch().resolve("home"));
            deleteTree(elasticsearch().resolve("data"));
            deleteTree(elasticsearch().resolve("tmp"));
            deleteTree(pidFile());
        } else {
            deleteTree(root);
        }
    }

    static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(WorkDir::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // A file vanished while walking (a child still shutting down); nothing worth failing a close() for.
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Left behind; the temp directory is cleaned eventually and it holds no secrets.
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
