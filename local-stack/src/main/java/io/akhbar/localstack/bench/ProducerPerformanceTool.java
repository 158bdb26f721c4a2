package io.akhbar.localstack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own producer benchmark, {@code org.apache.kafka.tools.ProducerPerformance} (what
 * {@code bin/kafka-producer-perf-test.sh} runs), in its own JVM with the broker's classpath, as the distribution's
 * script would run it.
 */
final class ProducerPerformanceTool {

    static final String MAIN_CLASS = "org.apache.kafka.tools.ProducerPerformance";

    /** The last line: the totals, with latency percentiles (the periodic lines have none). */
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
                    + "([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99\\.9th");

    record Summary(long records, double recordsPerSecond, double megabytesPerSecond, double averageLatencyMillis,
                   double maxLatencyMillis, long p50Millis, long p95Millis, long p99Millis, long p999Millis) {
    }

    /** @param cpu CPU time of the tool's JVM, sampled while it ran (the last fraction of a second is missing) */
    record Outcome(Summary summary, Duration cpu) {
    }

    private ProducerPerformanceTool() {
    }

    static Optional<Summary> parseSummary(String output) {
        Summary last = null;
        Matcher matcher = SUMMARY.matcher(output);
        while (matcher.find()) {
            last = new Summary(Long.parseLong(matcher.group(1)), Double.parseDouble(matcher.group(2)),
                    Double.parseDouble(matcher.group(3)), Double.parseDouble(matcher.group(4)),
                    Double.parseDouble(matcher.group(5)), Long.parseLong(matcher.group(6)),
                    Long.parseLong(matcher.group(7)), Long.parseLong(matcher.group(8)),
                    Long.parseLong(matcher.group(9)));
        }
        return Optional.ofNullable(last);
    }

    /**
     * @param producerProperties e.g. {@code acks=all}; {@code bootstrap.servers} is added
     */
    static List<String> command(String javaExecutable, List<String> jvmOptions, String classpath, String topic,
                                long records, int recordSize, String bootstrapServers,
                                List<String> producerProperties) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        // The heap kafka-run-class.sh gives tools; the English locale keeps "12.5 records/sec" parseable.
        command.add("-Xmx256m");
        command.add("-Duser.language=en");
        command.add("-Duser.country=US");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(MAIN_CLASS);
        command.addAll(List.of("--topic", topic, "--num-records", Long.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1", "--producer-props"));
        command.addAll(producerProperties);
        command.add("bootstrap.servers=" + bootstrapServers);
        return command;
    }

    /** Runs the tool to completion; its output goes to {@code log}, which failures quote. */
    static Outcome run(List<String> command, Path log, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + MAIN_CLASS, e);
        }
        Duration cpu = Duration.ZERO;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            // Sampled while it runs: once it has exited, its CPU time can no longer be read.
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                cpu = process.toHandle().info().totalCpuDuration().orElse(cpu);
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(MAIN_CLASS + " did not finish within " + timeout.toSeconds()
                            + " s; output in " + log);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + MAIN_CLASS + " ran", e);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        String output;
        try {
            output = Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + log, e);
        }
        Summary summary = parseSummary(output).orElseThrow(() -> new IllegalStateException(MAIN_CLASS
                + " exited with " + process.exitValue() + " without a summary line; output in " + log));
        return new Outcome(summary, cpu);
    }
}
