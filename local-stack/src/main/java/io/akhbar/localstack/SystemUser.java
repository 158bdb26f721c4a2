package io.akhbar.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Elasticsearch refuses to run as root, and CI runs as root; then the node runs as a dedicated unprivileged system
 * user. Root can still signal and delete everything that user owns, so cleanup is unaffected.
 */
final class SystemUser {

    static final String ELASTICSEARCH_USER = "akhbar-es";

    private static final List<String> SYSTEM_BINARIES = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

    private SystemUser() {
    }

    static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Creates the user unless it exists; a concurrent creation by another JVM is fine too. */
    static void ensureExists(String user, Path log) {
        if (exists(user)) {
            return;
        }
        try {
            ChildProcess.run("useradd " + user,
                    List.of(executable("useradd"), "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user),
                    Map.of(), log.getParent(), log, Duration.ofSeconds(30));
        } catch (LocalStackException e) {
            if (!exists(user)) {
                throw e;
            }
        }
    }

    static boolean exists(String user) {
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.startsWith(user + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    static void giveOwnership(String user, Path dir, Path log) {
        ChildProcess.run("chown " + dir, List.of(executable("chown"), "-R", user + ":", dir.toString()),
                Map.of(), dir, log, Duration.ofMinutes(1));
    }

    /** The prefix that runs a command as {@code user}, keeping our environment (ES_JAVA_HOME and friends). */
    static List<String> runAs(String user) {
        Optional<String> runuser = findExecutable("runuser");
        if (runuser.isPresent()) {
            return List.of(runuser.get(), "-u", user, "--");
        }
        Optional<String> setpriv = findExecutable("setpriv");
        if (setpriv.isPresent()) {
            return List.of(setpriv.get(), "--reuid=" + user, "--regid=" + user, "--init-groups", "--");
        }
        throw new LocalStackException("Running Elasticsearch as root is refused by Elasticsearch, and neither "
                + "runuser nor setpriv is available to run it as " + user);
    }

    /**
     * Names the first directory above {@code path} that {@code user} could not enter, e.g. a checkout under /root.
     * Only "others" permissions are considered: the user is created without any groups we could rely on.
     */
    static Optional<Path> firstUntraversableAncestor(Path path) {
        for (Path dir = path.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return Optional.of(dir);
                }
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static String executable(String name) {
        return findExecutable(name).orElseThrow(() -> new LocalStackException(name + " not found in "
                + SYSTEM_BINARIES + " or PATH"));
    }

    private static Optional<String> findExecutable(String name) {
        Stream<String> pathDirs = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return Stream.concat(pathDirs, SYSTEM_BINARIES.stream())
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }
}
