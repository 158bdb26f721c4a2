package io.akhbar.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** A single-node KRaft Kafka broker running from the jars Maven resolved for kafka_2.13. */
final class KafkaBroker {

    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());

    private final KafkaServerConfig config;
    private final ChildProcess process;
    private final Duration startupTime;

    private KafkaBroker(KafkaServerConfig config, ChildProcess process, Duration startupTime) {
        this.config = config;
        this.process = process;
        this.startupTime = startupTime;
    }

    static KafkaBroker start(WorkDir workDir, int brokerPort, int controllerPort, Duration timeout,
                             ChildListener listener) {
        long started = System.nanoTime();
        Path dir = workDir.kafka();
        KafkaServerConfig config = new KafkaServerConfig(brokerPort, controllerPort, dir.resolve("data"));
        Path serverProperties = dir.resolve("server.properties");
        Path log4jConfig = dir.resolve("log4j2.properties");
        Path brokerLog = workDir.logs().resolve("kafka.log");
        write(serverProperties, config.serverProperties());
        write(log4jConfig, KafkaServerConfig.log4j2Properties(brokerLog));
        String classpath = BuildArtifacts.kafkaBrokerClasspath().stream()
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));

        ChildProcess.run("kafka-storage-format",
                javaCommand(workDir, classpath, log4jConfig, "256m", "kafka.tools.StorageTool",
                        "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", serverProperties.toString()),
                Map.of(), dir, workDir.logs().resolve("kafka-format.log"), timeout);

        ChildProcess process = ChildProcess.start("kafka",
                javaCommand(workDir, classpath, log4jConfig, "512m", "kafka.Kafka", serverProperties.toString()),
                Map.of(), dir, workDir.logs().resolve("kafka-stdout.log"), brokerLog);
        listener.started(process);
        return awaitReady(config, process, timeout, started);
    }

    /**
     * Starts the broker again on the same ports and data directory (not formatted again), e.g. after a SIGKILL: it
     * recovers its logs as a real broker does after a crash.
     */
    KafkaBroker restart(Duration timeout, ChildListener listener) {
        if (process.isAlive()) {
            throw new IllegalStateException("Kafka is still running (pid " + process.pid() + ")");
        }
        long started = System.nanoTime();
        ChildProcess again = process.relaunch();
        listener.started(again);
        return awaitReady(config, again, timeout, started);
    }

    private static KafkaBroker awaitReady(KafkaServerConfig config, ChildProcess process, Duration timeout,
                                          long started) {
        // Probing the port first keeps the admin client from logging connection failures while the JVM boots.
        Readiness.await(process, "Kafka listens on " + config.bootstrapServers(), timeout,
                () -> canConnect(config.brokerPort()));
        Readiness.await(process, "Kafka answers metadata requests on " + config.bootstrapServers(), timeout,
                () -> clusterHasBroker(config.bootstrapServers()));
        Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
        LOG.log(System.Logger.Level.INFO, "Kafka ready at " + config.bootstrapServers() + " after " + startupTime.toMillis() + " ms");
        return new KafkaBroker(config, process, startupTime);
    }

    private static List<String> javaCommand(WorkDir workDir, String classpath, Path log4jConfig, String heap,
                                            String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                JavaCommand.javaExecutable(),
                JavaCommand.markerOption(workDir),
                "-Xmx" + heap,
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4jConfig,
                "-cp", classpath,
                mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private static boolean canConnect(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean clusterHasBroker(String bootstrapServers) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(properties)) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    String bootstrapServers() {
        return config.bootstrapServers();
    }

    ChildProcess process() {
        return process;
    }

    Duration startupTime() {
        return startupTime;
    }
}
