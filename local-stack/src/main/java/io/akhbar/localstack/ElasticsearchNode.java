package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A single-node Elasticsearch from the integ-test-zip distribution, run as an unprivileged user when we are root. */
final class ElasticsearchNode {

    private static final System.Logger LOG = System.getLogger(ElasticsearchNode.class.getName());

    private final String url;
    private final ChildProcess process;
    private final Duration startupTime;

    private ElasticsearchNode(String url, ChildProcess process, Duration startupTime) {
        this.url = url;
        this.process = process;
        this.startupTime = startupTime;
    }

    static ElasticsearchNode start(WorkDir workDir, int httpPort, int transportPort, List<Path> plugins,
                                   Duration timeout, ChildListener listener) {
        long started = System.nanoTime();
        Path dir = workDir.elasticsearch();
        Path home = dir.resolve("home");
        Path data = dir.resolve("data");
        Path logs = dir.resolve("logs");
        Path tmp = dir.resolve("tmp");
        createDirectories(home, data, logs, tmp);
        ElasticsearchDistribution.unpack(BuildArtifacts.elasticsearchZip(), home);
        ElasticsearchDistribution.installPlugins(home, tmp, plugins, workDir.logs().resolve("elasticsearch-plugins.log"),
                timeout);

        List<String> runAs = List.of();
        if (SystemUser.isRoot()) {
            runAs = prepareForUnprivilegedUser(workDir, dir);
        }
        ElasticsearchCommand command = new ElasticsearchCommand(home, data, logs, tmp, httpPort, transportPort,
                runAs, JavaCommand.markerOption(workDir));
        ChildProcess process = ChildProcess.start("elasticsearch", command.command(),
                command.environment(JavaCommand.javaHome()),
                // ES writes gc.log and crash dumps relative to its working directory.
                logs, workDir.logs().resolve("elasticsearch.log"));
        listener.started(process);
        return awaitReady("http://127.0.0.1:" + httpPort, process, timeout, started);
    }

    /**
     * Starts the node again with the same command: same ports, same data directory, same user, nothing unpacked or
     * installed again. The previous process tree must be gone (it holds the data directory's lock).
     */
    ElasticsearchNode restart(Duration timeout, ChildListener listener) {
        if (process.tree().stream().anyMatch(ProcessHandle::isAlive)) {
            throw new IllegalStateException("Elasticsearch is still running (pid " + process.pid() + ")");
        }
        long started = System.nanoTime();
        ChildProcess again = process.relaunch();
        listener.started(again);
        return awaitReady(url, again, timeout, started);
    }

    private static ElasticsearchNode awaitReady(String url, ChildProcess process, Duration timeout, long started) {
        Readiness.await(process, "Elasticsearch at " + url + " reports status yellow", timeout,
                () -> Http.get(url + "/_cluster/health?wait_for_status=yellow&timeout=1s", Duration.ofSeconds(5))
                        .isSuccessful());
        Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
        LOG.log(System.Logger.Level.INFO, "Elasticsearch ready at " + url + " after " + startupTime.toMillis() + " ms");
        return new ElasticsearchNode(url, process, startupTime);
    }

    private static List<String> prepareForUnprivilegedUser(WorkDir workDir, Path elasticsearchDir) {
        String user = SystemUser.ELASTICSEARCH_USER;
        SystemUser.firstUntraversableAncestor(elasticsearchDir).ifPresent(blocked -> {
            throw new LocalStackException("Elasticsearch runs as user " + user + " (it refuses root), but " + blocked
                    + " is not traversable by other users; set -D" + WorkDir.BASE_PROPERTY + " to a directory like /tmp");
        });
        SystemUser.firstUntraversableAncestor(JavaCommand.javaHome().resolve("bin/java")).ifPresent(blocked -> {
            throw new LocalStackException("Elasticsearch runs as user " + user + " on " + JavaCommand.javaHome()
                    + ", but " + blocked + " is not traversable by other users; use a JDK installed system-wide");
        });
        Path log = workDir.logs().resolve("elasticsearch-setup.log");
        SystemUser.ensureExists(user, log);
        SystemUser.giveOwnership(user, elasticsearchDir, log);
        return SystemUser.runAs(user);
    }

    private static void createDirectories(Path... dirs) {
        try {
            for (Path dir : dirs) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return url;
    }

    ChildProcess process() {
        return process;
    }

    Duration startupTime() {
        return startupTime;
    }
}
