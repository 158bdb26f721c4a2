package io.akhbar.elasticsearch;

import static org.awaitility.Awaitility.await;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One throw-away Elasticsearch node with the plugin installed, for the integration test.
 *
 * <p>Deliberately self-contained (the project's local-stack launcher is built after this module). Every
 * run gets a fresh copy of the distribution under a world-traversable directory in /tmp, because the
 * node refuses to run as root and so runs as a system user that must be able to reach its home. The
 * node's process tree is ended on {@link #close()} and, should the test JVM be stopped, by a shutdown
 * hook; a tree left behind by a killed JVM is ended by the next run (see {@link #reapLeftovers(Path)}).
 */
final class TestNode implements AutoCloseable {

    static final String SYSTEM_USER = "akhbar-es";
    private static final String PID_FILE = "elasticsearch.pid";
    /** The test JVM that owns a run; while it lives, its node is not a leftover (parallel builds). */
    private static final String OWNER_FILE = "owner.pid";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Path runDir;
    private final Path home;
    private final Process process;
    private final Thread shutdownHook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final URI baseUri;
    private Timings timings;

    record Timings(Duration unpack, Duration install, Duration start) {
        @Override
        public String toString() {
            return String.format("unpack %d ms, plugin install %d ms, node start to yellow %d ms, install + start %d ms",
                    unpack.toMillis(), install.toMillis(), start.toMillis(), install.plus(start).toMillis());
        }
    }

    private TestNode(Path runDir, Path home, Process process, URI baseUri, Thread shutdownHook) {
        this.runDir = runDir;
        this.home = home;
        this.process = process;
        this.baseUri = baseUri;
        this.shutdownHook = shutdownHook;
    }

    Timings timings() {
        return timings;
    }

    /** runuser, the launcher and the server JVM, as they are now. */
    List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        return tree;
    }

    static TestNode start(Path distribution, Path pluginZip, Path root) throws IOException, InterruptedException {
        if (!Files.isRegularFile(distribution)) {
            throw new IllegalStateException("Elasticsearch distribution not found: " + distribution);
        }
        if (!Files.isRegularFile(pluginZip)) {
            throw new IllegalStateException("plugin zip not found (run the package phase first): " + pluginZip);
        }
        Files.createDirectories(root);
        reapLeftovers(root);
        Path runDir = Files.createTempDirectory(root, "run-");
        Files.writeString(runDir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        // The node's user has to traverse every directory above its home.
        for (Path p = runDir; p != null && p.startsWith(root); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path javaHome = Path.of(System.getProperty("java.home"));

        long t0 = System.nanoTime();
        Path home = unpack(distribution, runDir);
        long t1 = System.nanoTime();

        // Without its own temporary directory every start leaves an empty elasticsearch-* directory in /tmp.
        Path tmpDir = Files.createDirectories(home.resolve("tmp"));
        String launcherTmpDir = "-Djava.io.tmpdir=" + tmpDir;
        run(List.of(home.resolve("bin/elasticsearch-plugin").toString(), "install", "--batch",
                        pluginZip.toAbsolutePath().toUri().toString()),
                Map.of("ES_JAVA_HOME", javaHome.toString(), "CLI_JAVA_OPTS", launcherTmpDir),
                runDir.resolve("plugin-install.log"), INSTALL_TIMEOUT);
        long t2 = System.nanoTime();

        boolean asRoot = isRoot();
        if (asRoot) {
            ensureSystemUser();
            run(List.of("chown", "-R", SYSTEM_USER + ":", home.toString()), Map.of(), runDir.resolve("chown.log"),
                    Duration.ofMinutes(1));
        }
        int httpPort = freePort();
        int transportPort = freePort();
        Map<String, String> nodeEnvironment = Map.of("ES_JAVA_HOME", javaHome.toString(),
                "ES_JAVA_OPTS", "-Xms512m -Xmx512m", "ES_TMPDIR", tmpDir.toString(), "CLI_JAVA_OPTS", launcherTmpDir);
        List<String> command = new ArrayList<>();
        if (asRoot) {
            // runuser keeps no promise about the environment, so pass it explicitly through env.
            command.addAll(List.of("runuser", "-u", SYSTEM_USER, "--", "env"));
            nodeEnvironment.forEach((name, value) -> command.add(name + "=" + value));
        }
        command.addAll(List.of(home.resolve("bin/elasticsearch").toString(),
                "-p", home.resolve(PID_FILE).toString(),
                "-E", "discovery.type=single-node",
                "-E", "xpack.security.enabled=false",
                "-E", "network.host=127.0.0.1",
                "-E", "http.port=" + httpPort,
                "-E", "transport.port=" + transportPort,
                // A nearly full /tmp must not leave the test index unassigned.
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(runDir.resolve("elasticsearch.out").toFile());
        pb.environment().putAll(nodeEnvironment);
        Process process = pb.start();
        Thread hook = new Thread(() -> stopTree(process.toHandle()), "stop-elasticsearch");
        Runtime.getRuntime().addShutdownHook(hook);
        URI base = URI.create("http://127.0.0.1:" + httpPort);
        TestNode node = new TestNode(runDir, home, process, base, hook);
        try {
            node.awaitYellow();
        } catch (Throwable t) {
            // The run directory stays, with the node's logs, until the next run reaps it.
            node.close();
            throw t;
        }
        long t3 = System.nanoTime();
        node.timings = new Timings(Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2));
        return node;
    }

    private void awaitYellow() {
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "Elasticsearch exited with " + process.exitValue() + ":\n" + tail());
                }
                try {
                    return send("GET", "/_cluster/health?wait_for_status=yellow&timeout=1s", null).statusCode() == 200;
                } catch (IOException e) {
                    return false; // Not listening yet.
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("Elasticsearch not yellow within " + START_TIMEOUT + ":\n" + tail());
        }
    }

    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(30));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The node's console output and server log, last lines; for failure messages. */
    String tail() {
        StringBuilder sb = new StringBuilder();
        for (Path log : List.of(runDir.resolve("elasticsearch.out"), home.resolve("logs/elasticsearch.log"))) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                sb.append("--- ").append(log).append('\n');
                lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(l -> sb.append(l).append('\n'));
            } catch (IOException e) {
                // Not written yet.
            }
        }
        return sb.toString();
    }

    /** Stops the node, keeps its logs under {@code logsCopy} and deletes the copy of the distribution. */
    void close(Path logsCopy) {
        close();
        if (logsCopy != null) {
            copyLogs(logsCopy);
        }
        deleteRecursively(runDir);
    }

    @Override
    public void close() {
        stopTree(process.toHandle());
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }

    private void copyLogs(Path target) {
        try {
            Files.createDirectories(target);
            for (Path p : List.of(runDir.resolve("elasticsearch.out"), runDir.resolve("plugin-install.log"),
                    home.resolve("logs/elasticsearch.log"))) {
                if (Files.isRegularFile(p)) {
                    Files.copy(p, target.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            System.err.println("cannot keep the node's logs: " + e);
        }
    }

    /**
     * Ends runuser, the launcher JVM and the server JVM. The launcher stops the server cleanly on SIGTERM,
     * but the whole tree is signalled, since the server has to go even if the launcher is already gone.
     */
    private static void stopTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        root.descendants().forEach(tree::add);
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    /**
     * A node whose test JVM was killed keeps running: end it (only if it really is one of ours, and only
     * once its owner is gone, since another build may be running this test right now) and remove its run.
     */
    static void reapLeftovers(Path root) throws IOException {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(root, "run-*")) {
            for (Path run : runs) {
                if (ownerAlive(run)) {
                    continue;
                }
                try (Stream<Path> pidFiles = Files.find(run, 2, (p, a) -> p.getFileName().toString().equals(PID_FILE))) {
                    for (Path pidFile : (Iterable<Path>) pidFiles::iterator) {
                        long pid = Long.parseLong(Files.readString(pidFile).trim());
                        ProcessHandle.of(pid)
                                .filter(p -> p.info().commandLine().map(c -> c.contains(run.toString())).orElse(false))
                                .ifPresent(TestNode::stopTree);
                    }
                } catch (IOException | NumberFormatException e) {
                    // No pid file, or a half-written one: nothing was started from it.
                }
                deleteRecursively(run);
            }
        }
    }

    private static boolean ownerAlive(Path run) {
        try {
            long owner = Long.parseLong(Files.readString(run.resolve(OWNER_FILE)).trim());
            return ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            // No owner recorded: a run directory being created right now, or a broken one. Keep fresh ones.
            try {
                return Files.getLastModifiedTime(run).toMillis() > System.currentTimeMillis() - 60_000;
            } catch (IOException gone) {
                return false;
            }
        }
    }

    private static Path unpack(Path zip, Path into) throws IOException {
        // zipfs exposes the Unix modes stored in the zip when asked to; bin/ needs its execute bits.
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            Path top;
            try (Stream<Path> children = Files.list(fs.getPath("/"))) {
                top = children.filter(Files::isDirectory).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no top-level directory in " + zip));
            }
            Path home = into.resolve(top.getFileName().toString().replace("/", ""));
            try (Stream<Path> entries = Files.walk(top)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    Path target = home.resolve(top.relativize(entry).toString());
                    if (Files.isDirectory(entry)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(entry, target);
                    }
                    try {
                        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(entry);
                        if (!mode.isEmpty()) {
                            Files.setPosixFilePermissions(target, mode);
                        }
                    } catch (UnsupportedOperationException e) {
                        // Entry without a stored mode: the default suits everything but bin/.
                    }
                }
            }
            try (DirectoryStream<Path> scripts = Files.newDirectoryStream(home.resolve("bin"))) {
                for (Path script : scripts) {
                    Set<PosixFilePermission> mode = EnumSet.copyOf(Files.getPosixFilePermissions(script));
                    mode.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                    Files.setPosixFilePermissions(script, mode);
                }
            }
            return home;
        }
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        id.waitFor();
        return uid.equals("0");
    }

    /** Idempotent: concurrent or earlier runs (and the local-stack launcher) may have created the user. */
    private static void ensureSystemUser() throws IOException, InterruptedException {
        if (new ProcessBuilder("id", "-u", SYSTEM_USER).start().waitFor() == 0) {
            return;
        }
        int rc = new ProcessBuilder("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                SYSTEM_USER).inheritIO().start().waitFor();
        // 9: created meanwhile by someone else.
        if (rc != 0 && rc != 9) {
            throw new IllegalStateException("useradd " + SYSTEM_USER + " failed with " + rc);
        }
    }

    private static void run(List<String> command, Map<String, String> env, Path log, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stopTree(p.toHandle());
            throw new IllegalStateException(command + " did not finish within " + timeout + ":\n" + Files.readString(log));
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed with " + p.exitValue() + ":\n" + Files.readString(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("cannot delete " + dir + ": " + e);
        }
    }
}
