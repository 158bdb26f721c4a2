package io.akhbar.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A real Kafka broker and a real Elasticsearch node, and optionally the three services, as child processes of this
 * JVM. Everything it starts is stopped by {@link #close()} or, failing that, by a shutdown hook; processes orphaned
 * by a JVM that was killed outright are stopped by the next start.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().withServices(false).build().start()) {
 *     stack.kafkaBootstrapServers();
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    /** The header the services read an API key from. */
    public static final String API_KEY_HEADER = "X-API-Key";

    private static final System.Logger LOG = System.getLogger(LocalStack.class.getName());
    private static final String KEEP_PROPERTY = "akhbar.localstack.keep";

    private static final Object SHARED_LOCK = new Object();
    private static LocalStack shared;
    private static RuntimeException sharedFailure;

    private enum State { NEW, STARTING, RUNNING, CLOSING, CLOSED }

    private final Builder settings;
    private final PortAllocator ports;
    private final Object lock = new Object();
    private final Object servicesLock = new Object();
    private final List<ChildProcess> children = new ArrayList<>();
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final String apiKey = ApiKeys.generate();

    private State state = State.NEW;
    private volatile boolean keepLogs;
    private volatile boolean startAborted;
    private final AtomicReference<Throwable> firstStartFailure = new AtomicReference<>();
    private WorkDir workDir;
    private KafkaBroker kafka;
    private ElasticsearchNode elasticsearch;
    private Thread shutdownHook;

    private LocalStack(Builder settings) {
        this.settings = settings;
        this.ports = new PortAllocator(settings.fallBackToFreePorts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Kafka and Elasticsearch (no services), started on first use and shared by everything in this JVM until it
     * exits. A failed start is remembered, so that a broken environment fails each test class at once instead of
     * timing out again and again.
     */
    public static LocalStack shared() {
        synchronized (SHARED_LOCK) {
            if (sharedFailure != null) {
                throw new LocalStackException("The shared local stack failed to start earlier in this JVM: "
                        + sharedFailure.getMessage(), sharedFailure);
            }
            if (shared == null) {
                try {
                    shared = builder().build().start();
                } catch (RuntimeException e) {
                    sharedFailure = e;
                    throw e;
                }
            }
            return shared;
        }
    }

    /** The shared stack with the three services started on top of it (needs their executable jars). */
    public static LocalStack sharedWithServices() {
        return shared().startServices();
    }

    /** Starts Kafka and Elasticsearch side by side, then the services if asked to; returns once all are ready. */
    public LocalStack start() {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("A LocalStack can be started once; it is " + state);
            }
            state = State.STARTING;
        }
        try {
            LeftoverReaper.forThisMachine().reap(settings.workDirBase);
            workDir = WorkDir.create(settings.workDirBase);
            shutdownHook = new Thread(this::close, "akhbar-local-stack-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            recordPids();
            LOG.log(System.Logger.Level.INFO, "Starting local stack in " + workDir);
            startInfrastructure();
            synchronized (lock) {
                if (state != State.STARTING) {
                    throw new LocalStackException("The local stack was closed while starting");
                }
                state = State.RUNNING;
            }
            if (settings.withServices) {
                startServices();
            }
            return this;
        } catch (RuntimeException e) {
            keepLogs = true;
            close();
            throw withLogLocation(e);
        }
    }

    private void startInfrastructure() {
        int kafkaPort = ports.allocate("Kafka", settings.kafkaPort);
        int controllerPort = ports.allocate("the Kafka controller", PortAllocator.ANY);
        List<Path> plugins = elasticsearchPlugins();

        CompletableFuture<KafkaBroker> kafkaStart = inBackground("akhbar-start-kafka", () ->
                KafkaBroker.start(workDir, kafkaPort, controllerPort, settings.kafkaTimeout, this::register));
        CompletableFuture<ElasticsearchNode> elasticsearchStart = settings.withElasticsearch
                ? inBackground("akhbar-start-elasticsearch", () -> ElasticsearchNode.start(workDir,
                        ports.allocate("Elasticsearch", settings.elasticsearchPort),
                        ports.allocate("the Elasticsearch transport", PortAllocator.ANY), plugins,
                        settings.elasticsearchTimeout, this::register))
                : CompletableFuture.completedFuture(null);
        // When one fails there is no point waiting out the other's timeout: stopping its process ends its wait.
        kafkaStart.whenComplete((broker, failure) -> abortStartIf(failure));
        elasticsearchStart.whenComplete((node, failure) -> abortStartIf(failure));
        CompletableFuture.allOf(kafkaStart, elasticsearchStart).exceptionally(failure -> null).join();

        if (firstStartFailure.get() != null) {
            throw startFailure(kafkaStart, elasticsearchStart);
        }
        kafka = kafkaStart.join();
        elasticsearch = elasticsearchStart.join();
        recordPids();
    }

    private List<Path> elasticsearchPlugins() {
        List<Path> plugins = new ArrayList<>(settings.elasticsearchPlugins);
        if (settings.discoverProjectPlugins) {
            projectRootIfKnown().ifPresent(root -> plugins.addAll(ElasticsearchDistribution.projectPlugins(root)));
        }
        return plugins;
    }

    /**
     * Starts the services that are not running yet and waits until all report UP. Safe to call repeatedly and from
     * several threads; used by {@link #sharedWithServices()}.
     */
    public LocalStack startServices() {
        synchronized (servicesLock) {
            requireRunning();
            Path projectRoot = settings.projectRoot != null ? settings.projectRoot : ProjectRoot.locate();
            Map<Service, ServiceProcess> launched = new LinkedHashMap<>();
            try {
                for (Service service : Service.values()) {
                    if (services.containsKey(service)) {
                        continue;
                    }
                    int port = ports.allocate(service.module(), settings.servicePorts.getOrDefault(service, 0));
                    List<String> arguments = new ArrayList<>(settings.serviceArguments);
                    arguments.addAll(settings.serviceArgumentsByService.getOrDefault(service, List.of()));
                    ServiceProcess process = ServiceProcess.launch(service, projectRoot, port,
                            kafkaBootstrapServers(), elasticsearchUrl(), apiKey, arguments, workDir);
                    register(process.process());
                    launched.put(service, process);
                }
                // Launched together and awaited one by one: the JVMs boot in parallel on however many cores exist.
                for (ServiceProcess process : launched.values()) {
                    Duration took = process.awaitHealthy(settings.serviceTimeout);
                    LOG.log(System.Logger.Level.INFO, process.service().module() + " ready at " + process.url()
                            + " after " + took.toMillis() + " ms");
                }
            } catch (RuntimeException e) {
                List<ChildProcess> failed = launched.values().stream().map(ServiceProcess::process).toList();
                ChildProcess.stopAll(failed, settings.serviceStopGrace);
                synchronized (lock) {
                    children.removeAll(failed);
                }
                recordPids();
                throw withLogLocation(e);
            }
            synchronized (lock) {
                services.putAll(launched);
            }
            recordPids();
            return this;
        }
    }

    /** e.g. {@code 127.0.0.1:9092} */
    public String kafkaBootstrapServers() {
        requireRunning();
        return kafka.bootstrapServers();
    }

    /** e.g. {@code http://127.0.0.1:9200} */
    public String elasticsearchUrl() {
        requireRunning();
        if (elasticsearch == null) {
            throw new IllegalStateException("This stack was built withElasticsearch(false)");
        }
        return elasticsearch.url();
    }

    /**
     * The key the services of this stack accept on keyed endpoints (ingest, feeds, admin, actuator), sent as
     * {@link #API_KEY_HEADER}. Generated per stack, handed to the services in their environment.
     */
    public String apiKey() {
        return apiKey;
    }

    /** e.g. {@code serviceUrl("ingest-service")} is {@code http://127.0.0.1:8081} */
    public String serviceUrl(String module) {
        return serviceUrl(Service.ofModule(module));
    }

    public String serviceUrl(Service service) {
        requireRunning();
        synchronized (lock) {
            ServiceProcess process = services.get(service);
            if (process == null) {
                throw new IllegalStateException(service.module() + " is not running; build the stack with "
                        + "withServices(true) or call startServices()");
            }
            return process.url();
        }
    }

    /** Holds the child processes' logs ({@code kafka.log}, {@code elasticsearch.log}, {@code <service>.log}). */
    public Path logDirectory() {
        requireStarted();
        return workDir.logs();
    }

    public Path workDirectory() {
        requireStarted();
        return workDir.root();
    }

    /**
     * SIGKILL to the Kafka broker, as in a crash: no controlled shutdown, whatever the page cache holds stays there.
     * {@link #restartKafka()} brings it back on the same port with the same data.
     */
    public void killKafka() {
        synchronized (servicesLock) {
            requireRunning();
            killAndForget(kafka.process());
        }
    }

    /** Starts the killed broker again (same port, same data directory) and returns how long it took to be ready. */
    public Duration restartKafka() {
        synchronized (servicesLock) {
            requireRunning();
            kafka = kafka.restart(settings.kafkaTimeout, this::register);
            recordPids();
            return kafka.startupTime();
        }
    }

    /** Stops Elasticsearch as an operator would (SIGTERM, SIGKILL after the grace period); see {@link #startElasticsearch()}. */
    public void stopElasticsearch() {
        synchronized (servicesLock) {
            requireElasticsearch();
            ChildProcess.stopAll(List.of(elasticsearch.process()), settings.infrastructureStopGrace);
            forget(elasticsearch.process());
        }
    }

    /** SIGKILL to the whole Elasticsearch tree: runuser, the launcher and the server JVM. */
    public void killElasticsearch() {
        synchronized (servicesLock) {
            requireElasticsearch();
            killAndForget(elasticsearch.process());
        }
    }

    /** Starts the stopped or killed node again (same ports, data directory and user); returns the time to yellow. */
    public Duration startElasticsearch() {
        synchronized (servicesLock) {
            requireElasticsearch();
            elasticsearch = elasticsearch.restart(settings.elasticsearchTimeout, this::register);
            recordPids();
            return elasticsearch.startupTime();
        }
    }

    /** SIGKILL to the service's JVM, mid-whatever it is doing: no graceful shutdown, no offset commit. */
    public void kill(Service service) {
        synchronized (servicesLock) {
            killAndForget(runningService(service).process());
        }
    }

    /**
     * Starts the service again on the same port with the same arguments (stopping it first if it still runs) and
     * waits until it reports UP; returns the time from launch to UP.
     */
    public Duration restart(Service service) {
        synchronized (servicesLock) {
            ServiceProcess previous = runningService(service);
            if (previous.process().isAlive()) {
                ChildProcess.stopAll(List.of(previous.process()), settings.serviceStopGrace);
                forget(previous.process());
            }
            ServiceProcess again = previous.relaunch();
            register(again.process());
            synchronized (lock) {
                services.put(service, again);
            }
            // Registered before waiting: should it never come up, close() still stops it.
            return again.awaitHealthy(settings.serviceTimeout);
        }
    }

    private ServiceProcess runningService(Service service) {
        requireRunning();
        synchronized (lock) {
            ServiceProcess process = services.get(service);
            if (process == null) {
                throw new IllegalStateException(service.module() + " was never started in this stack");
            }
            return process;
        }
    }

    private void requireElasticsearch() {
        requireRunning();
        if (elasticsearch == null) {
            throw new IllegalStateException("This stack was built withElasticsearch(false)");
        }
    }

    private void killAndForget(ChildProcess child) {
        LOG.log(System.Logger.Level.INFO, "Killing " + child + " with SIGKILL");
        child.kill();
        forget(child);
    }

    /** A process that is gone leaves the pid file, so that the reaper never signals a recycled pid. */
    private void forget(ChildProcess child) {
        synchronized (lock) {
            children.remove(child);
        }
        recordPids();
    }

    /** For callers that found something wrong after a successful start and want the logs to survive close(). */
    void keepLogsOnClose() {
        keepLogs = true;
    }

    Duration kafkaStartupTime() {
        return kafka.startupTime();
    }

    Duration elasticsearchStartupTime() {
        return elasticsearch.startupTime();
    }

    /**
     * Stops services first (so they do not spin on a vanished broker), then Kafka and Elasticsearch together, and
     * removes the work directory. Logs are kept when the start failed or {@code -Dakhbar.localstack.keep=true}.
     */
    @Override
    public void close() {
        List<ChildProcess> servicesToStop;
        List<ChildProcess> infrastructureToStop;
        boolean closingElsewhere;
        synchronized (lock) {
            closingElsewhere = state == State.CLOSING || state == State.CLOSED;
            if (state == State.NEW) {
                state = State.CLOSED;
                closed.countDown();
                return;
            }
            if (!closingElsewhere) {
                state = State.CLOSING;
            }
            servicesToStop = services.values().stream().map(ServiceProcess::process).toList();
            infrastructureToStop = children.stream().filter(child -> !servicesToStop.contains(child)).toList();
        }
        if (closingElsewhere) {
            awaitClosedByOtherThread();
            return;
        }
        try {
            removeShutdownHook();
            ChildProcess.stopAll(servicesToStop, settings.serviceStopGrace);
            ChildProcess.stopAll(infrastructureToStop, settings.infrastructureStopGrace);
            if (workDir != null) {
                boolean keep = keepLogs || settings.keepWorkDir;
                workDir.delete(keep);
                if (keep) {
                    LOG.log(System.Logger.Level.INFO, "Local stack logs kept in " + workDir.logs());
                }
            }
        } finally {
            synchronized (lock) {
                state = State.CLOSED;
            }
            closed.countDown();
        }
    }

    private void awaitClosedByOtherThread() {
        // A shutdown hook must not return while close() is still stopping children, or the JVM halts half way.
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running or about to, and will find us closed.
            }
        }
    }

    private void register(ChildProcess child) {
        boolean accepted;
        synchronized (lock) {
            accepted = !startAborted && (state == State.STARTING || state == State.RUNNING);
            if (accepted) {
                children.add(child);
            }
        }
        if (!accepted) {
            ChildProcess.stopAll(List.of(child), settings.infrastructureStopGrace);
            throw new LocalStackException("The local stack was stopped while " + child.name() + " was starting");
        }
        recordPids();
    }

    private void abortStartIf(Throwable failure) {
        if (failure == null) {
            return;
        }
        firstStartFailure.compareAndSet(null, unwrap(failure));
        List<ChildProcess> running;
        synchronized (lock) {
            startAborted = true;
            running = List.copyOf(children);
        }
        ChildProcess.stopAll(running, Duration.ofSeconds(5));
    }

    private void recordPids() {
        List<PidFile.Entry> entries = new ArrayList<>();
        entries.add(PidFile.Entry.of(PidFile.Role.OWNER, "jvm", ProcessHandle.current()));
        synchronized (lock) {
            if (workDir == null || state == State.CLOSING || state == State.CLOSED) {
                return;
            }
            for (ChildProcess child : children) {
                child.tree().forEach(handle -> entries.add(PidFile.Entry.of(PidFile.Role.CHILD, child.name(), handle)));
            }
            PidFile.write(workDir.pidFile(), entries);
        }
    }

    private Optional<Path> projectRootIfKnown() {
        if (settings.projectRoot != null) {
            return Optional.of(settings.projectRoot);
        }
        String configured = System.getProperty(ProjectRoot.PROPERTY);
        if (configured != null) {
            Optional<Path> found = ProjectRoot.findFrom(Path.of(configured));
            if (found.isPresent()) {
                return found;
            }
        }
        return ProjectRoot.findFrom(Path.of(System.getProperty("user.dir")));
    }

    private RuntimeException withLogLocation(RuntimeException e) {
        if (workDir == null || e.getMessage() != null && e.getMessage().contains(workDir.logs().toString())) {
            return e;
        }
        return new LocalStackException(e.getMessage() + System.lineSeparator() + "(logs: " + workDir.logs() + ")", e);
    }

    private void requireRunning() {
        synchronized (lock) {
            if (state != State.RUNNING) {
                throw new IllegalStateException("The local stack is not running (it is " + state + ")");
            }
        }
    }

    private void requireStarted() {
        if (workDir == null) {
            throw new IllegalStateException("The local stack has not been started");
        }
    }

    private static <T> CompletableFuture<T> inBackground(String threadName, Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The failure that happened first is the cause; the sibling's (often just "we stopped it") is attached. */
    private RuntimeException startFailure(CompletableFuture<?>... futures) {
        RuntimeException primary = asRuntime(firstStartFailure.get());
        for (CompletableFuture<?> future : futures) {
            Throwable failure = future.handle((result, thrown) -> thrown == null ? null : unwrap(thrown)).join();
            if (failure != null && failure != firstStartFailure.get()) {
                primary.addSuppressed(failure);
            }
        }
        return primary;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static RuntimeException asRuntime(Throwable failure) {
        return failure instanceof RuntimeException runtime
                ? runtime
                : new LocalStackException(String.valueOf(failure), failure);
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "LocalStack[" + state + (workDir == null ? "" : ", " + workDir) + "]";
        }
    }

    /** Options for a {@link LocalStack}; every port defaults to a free one chosen at start. */
    public static final class Builder {

        private boolean withServices;
        private boolean withElasticsearch = true;
        private int kafkaPort = PortAllocator.ANY;
        private int elasticsearchPort = PortAllocator.ANY;
        private final Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        private boolean fallBackToFreePorts = true;
        private final List<Path> elasticsearchPlugins = new ArrayList<>();
        private boolean discoverProjectPlugins = true;
        private Path projectRoot;
        private Path workDirBase = WorkDir.defaultBase();
        private final List<String> serviceArguments = new ArrayList<>();
        private final Map<Service, List<String>> serviceArgumentsByService = new EnumMap<>(Service.class);
        private Duration kafkaTimeout = Duration.ofSeconds(120);
        private Duration elasticsearchTimeout = Duration.ofSeconds(180);
        private Duration serviceTimeout = Duration.ofSeconds(180);
        private Duration serviceStopGrace = Duration.ofSeconds(15);
        private Duration infrastructureStopGrace = Duration.ofSeconds(20);
        private boolean keepWorkDir = Boolean.getBoolean(KEEP_PROPERTY);

        private Builder() {
        }

        /** Also start ingest-service, nlp-service and search-service from their {@code *-exec.jar}. */
        public Builder withServices(boolean withServices) {
            this.withServices = withServices;
            return this;
        }

        /** Kafka alone (false) starts in seconds, for tests that need no index; default true. */
        public Builder withElasticsearch(boolean withElasticsearch) {
            this.withElasticsearch = withElasticsearch;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder kafkaPort(int port) {
            this.kafkaPort = requireValidPort(port);
            return this;
        }

        public Builder elasticsearchPort(int port) {
            this.elasticsearchPort = requireValidPort(port);
            return this;
        }

        public Builder servicePort(Service service, int port) {
            servicePorts.put(service, requireValidPort(port));
            return this;
        }

        /** Kafka 9092, Elasticsearch 9200, ingest 8081, nlp 8082, search 8083, as in the demo. */
        public Builder fixedDefaultPorts() {
            kafkaPort(9092);
            elasticsearchPort(9200);
            for (Service service : Service.values()) {
                servicePort(service, service.defaultPort());
            }
            return this;
        }

        /** When a requested fixed port is taken: true (default) uses a free one instead, false fails. */
        public Builder fallBackToFreePorts(boolean fallBack) {
            this.fallBackToFreePorts = fallBack;
            return this;
        }

        /** Installs this plugin zip into Elasticsearch before it starts. */
        public Builder elasticsearchPlugin(Path pluginZip) {
            elasticsearchPlugins.add(pluginZip.toAbsolutePath());
            return this;
        }

        /** Whether to install {@code <projectRoot>/elasticsearch-plugin/target/*.zip} when present (default true). */
        public Builder discoverProjectPlugins(boolean discover) {
            this.discoverProjectPlugins = discover;
            return this;
        }

        /** Defaults to the first directory above the working directory holding pom.xml and ingest-service/. */
        public Builder projectRoot(Path root) {
            this.projectRoot = root.toAbsolutePath();
            return this;
        }

        /** Parent of the per-stack work directory; must be traversable by all users when running as root. */
        public Builder workDirBase(Path base) {
            this.workDirBase = base.toAbsolutePath();
            return this;
        }

        /** Extra command-line arguments for every service, e.g. {@code --logging.level.root=DEBUG}. */
        public Builder serviceArguments(String... arguments) {
            serviceArguments.addAll(List.of(arguments));
            return this;
        }

        public Builder serviceArguments(Service service, String... arguments) {
            serviceArgumentsByService.computeIfAbsent(service, ignored -> new ArrayList<>()).addAll(List.of(arguments));
            return this;
        }

        /** Maximum wait for each component to become ready (defaults: Kafka 120 s, ES 180 s, services 180 s; a busy 2-core machine needs them). */
        public Builder startupTimeout(Duration timeout) {
            this.kafkaTimeout = timeout;
            this.elasticsearchTimeout = timeout;
            this.serviceTimeout = timeout;
            return this;
        }

        /** Keep the logs after close (also {@code -Dakhbar.localstack.keep=true}). */
        public Builder keepWorkDirectory(boolean keep) {
            this.keepWorkDir = keep;
            return this;
        }

        public LocalStack build() {
            return new LocalStack(this);
        }

        private static int requireValidPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            return port;
        }
    }
}
