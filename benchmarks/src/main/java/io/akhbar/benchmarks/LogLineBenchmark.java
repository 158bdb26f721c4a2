package io.akhbar.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.akhbar.contracts.PipelineLog;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The per-article log line ("accepted", with its trace and article id) as the services' console appender encodes it:
 * through Spring Boot's {@link StructuredLogEncoder}, with Boot's {@code ecs} format as the baseline and
 * service-logging's formatter, which writes the same bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Xms256m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class LogLineBenchmark {

    static final String BOOTS_ECS = "ecs";

    @Param({BOOTS_ECS, "io.akhbar.logging.EcsLogFormatter"})
    public String format;

    private StructuredLogEncoder encoder;
    private LoggingEvent accepted;

    @Setup
    public void setUp() {
        var context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putObject(Environment.class.getName(), serviceEnvironment());
        encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();

        accepted = new LoggingEvent(LogLineBenchmark.class.getName(), context.getLogger(PipelineLog.LOGGER),
                Level.INFO, "accepted", null, null);
        accepted.setInstant(Instant.now());
        accepted.setThreadName("http-nio-8081-exec-3");
        accepted.setMDCPropertyMap(Map.of(PipelineLog.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736",
                PipelineLog.ARTICLE_ID, "0f6b3d6e-6b5e-4f64-9d3f-8f1c2a9e7a10"));
    }

    @Benchmark
    public byte[] acceptedLine() {
        return encoder.encode(accepted);
    }

    /** What a running service has: its name, version and pid. */
    private static Environment serviceEnvironment() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", Map.of(
                "spring.application.name", "ingest-service",
                "spring.application.version", "0.1.0-SNAPSHOT",
                "spring.application.pid", ProcessHandle.current().pid())));
        return environment;
    }
}
