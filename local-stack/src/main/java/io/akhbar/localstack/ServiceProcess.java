package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** One of the Spring Boot services, started from its executable jar in its own JVM. */
final class ServiceProcess {

    private final Service service;
    private final String url;
    private final ChildProcess process;
    static final String API_KEYS_VARIABLE = "AKHBAR_API_KEYS";
    private final long launchedAt = System.nanoTime();

    private ServiceProcess(Service service, String url, ChildProcess process) {
        this.service = service;
        this.url = url;
        this.process = process;
    }

    /** Starts the JVM without waiting, so that several services can boot side by side. */
    static ServiceProcess launch(Service service, Path projectRoot, int port, String kafkaBootstrapServers,
                                 String elasticsearchUrl, String apiKey, List<String> extraArguments,
                                 WorkDir workDir) {
        List<String> command = command(List.of(JavaCommand.javaExecutable(), JavaCommand.markerOption(workDir)),
                executableJar(projectRoot, service), arguments(port, kafkaBootstrapServers, elasticsearchUrl),
                extraArguments);
        // The key travels in the environment, as in production, so that it never shows in a process listing.
        ChildProcess process = ChildProcess.start(service.module(), command, Map.of(API_KEYS_VARIABLE, apiKey),
                workDir.root(),
                workDir.logs().resolve(service.module() + ".log"));
        return new ServiceProcess(service, "http://127.0.0.1:" + port, process);
    }

    /**
     * The JVM with the services' heap and collector, the jar, and the application's arguments. Extra arguments that
     * start with {@code -X} are the JVM's and come after the defaults (a later one wins); the others are the
     * application's and replace the default of the property they set.
     */
    static List<String> command(List<String> java, Path jar, List<String> defaults, List<String> extraArguments) {
        List<String> command = new ArrayList<>(java);
        command.add("-Xmx256m");
        // The collector the JVM would pick on a smaller machine. On these two cores shared by six JVMs, G1's
        // concurrent marking and barriers cost the services more than the pauses of a 256 MB heap; see
        // docs/benchmarks.md.
        command.add("-XX:+UseSerialGC");
        extraArguments.stream().filter(ServiceProcess::isJvmOption).forEach(command::add);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(withOverrides(defaults, extraArguments.stream().filter(a -> !isJvmOption(a)).toList()));
        return command;
    }

    private static boolean isJvmOption(String argument) {
        return argument.startsWith("-X");
    }

    static List<String> arguments(int port, String kafkaBootstrapServers, String elasticsearchUrl) {
        return List.of(
                "--server.port=" + port,
                "--spring.cloud.stream.kafka.binder.brokers=" + kafkaBootstrapServers,
                "--akhbar.elasticsearch.url=" + elasticsearchUrl);
    }

    /**
     * The defaults followed by the extra arguments, minus each default whose property an extra argument sets: Spring
     * Boot would join two values of one property with a comma, and {@code akhbar.elasticsearch.url} reads a list, so
     * e.g. pointing search-service at a proxy must replace the URL rather than add a second node.
     */
    static List<String> withOverrides(List<String> defaults, List<String> extraArguments) {
        List<String> overridden = extraArguments.stream().map(ServiceProcess::propertyName).toList();
        List<String> arguments = new ArrayList<>();
        defaults.stream().filter(argument -> !overridden.contains(propertyName(argument))).forEach(arguments::add);
        arguments.addAll(extraArguments);
        return arguments;
    }

    private static String propertyName(String argument) {
        int equals = argument.indexOf('=');
        return equals < 0 ? argument : argument.substring(0, equals);
    }

    /** The same JVM command again, on the same port, e.g. after a SIGKILL; its log is appended to. */
    ServiceProcess relaunch() {
        if (process.isAlive()) {
            throw new IllegalStateException(service.module() + " is still running (pid " + process.pid() + ")");
        }
        return new ServiceProcess(service, url, process.relaunch());
    }

    /** Returns the time since launch, which for the second and third service includes waiting for the first. */
    Duration awaitHealthy(Duration timeout) {
        Duration remaining = timeout.minusNanos(System.nanoTime() - launchedAt);
        Readiness.await(process, service.module() + " reports UP at " + url + "/actuator/health",
                remaining.isNegative() ? Duration.ZERO : remaining, this::isUp);
        return Duration.ofNanos(System.nanoTime() - launchedAt);
    }

    private boolean isUp() throws IOException, InterruptedException {
        Http.Response response = Http.get(url + "/actuator/health", Duration.ofSeconds(5));
        return response.status() == 200 && "UP".equals(Json.parseObject(response.body()).get("status"));
    }

    /** The newest {@code *-exec.jar} in the module's target directory (the Boot repackage classifier). */
    static Path executableJar(Path projectRoot, Service service) {
        Path target = projectRoot.resolve(service.module()).resolve("target");
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "*-exec.jar")) {
                found.forEach(jars::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + target, e);
            }
        }
        return jars.stream()
                .max(Comparator.comparing(ServiceProcess::lastModified))
                .orElseThrow(() -> new LocalStackException("No executable jar (*-exec.jar) for " + service.module()
                        + " in " + target + "; run ./mvnw -DskipTests package first"));
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    Service service() {
        return service;
    }

    String url() {
        return url;
    }

    ChildProcess process() {
        return process;
    }
}
