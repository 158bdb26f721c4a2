package io.akhbar.localstack.bench;

import io.akhbar.localstack.BenchSupport;
import io.akhbar.localstack.LocalStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time each process of the stack (and the benchmark itself) used during a measured phase: the evidence for what
 * bounds a figure. On two cores a phase of {@code w} seconds has {@code 2w} core-seconds to share out.
 */
final class CpuUsage {

    static final String BENCH = "bench";
    static final List<String> PROCESSES = List.of("ingest-service", "nlp-service", "search-service", "kafka",
            "elasticsearch", BENCH);

    /** @param seconds CPU seconds by process name, in {@link #PROCESSES} order */
    record Phase(String name, double wallSeconds, Map<String, Double> seconds) {

        String describe() {
            StringBuilder text = new StringBuilder();
            seconds.forEach((process, used) -> text.append(text.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.1f", process, used)));
            double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
            return String.format(Locale.ROOT, "CPU s: %s; total %.1f of %.1f core-s available (%.1f s x %d cores)",
                    text, total, wallSeconds * Runtime.getRuntime().availableProcessors(), wallSeconds,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private final LocalStack stack;
    private final List<Phase> phases = new ArrayList<>();

    CpuUsage(LocalStack stack) {
        this.stack = stack;
    }

    /** A running measurement; {@link #stop} records it. */
    final class Meter {
        private final String name;
        private final long started = System.nanoTime();
        private final Map<String, Duration> before = snapshot();

        private Meter(String name) {
            this.name = name;
        }

        Phase stop() {
            Map<String, Duration> after = snapshot();
            Map<String, Double> used = new LinkedHashMap<>();
            for (String process : PROCESSES) {
                used.put(process, (after.getOrDefault(process, Duration.ZERO)
                        .minus(before.getOrDefault(process, Duration.ZERO))).toMillis() / 1000.0);
            }
            Phase phase = new Phase(name, (System.nanoTime() - started) / 1e9, used);
            synchronized (phases) {
                phases.add(phase);
            }
            return phase;
        }
    }

    Meter start(String phase) {
        return new Meter(phase);
    }

    List<Phase> phases() {
        synchronized (phases) {
            return List.copyOf(phases);
        }
    }

    /** Total CPU time so far of each process tree; a process that is gone counts no more. */
    private Map<String, Duration> snapshot() {
        Map<String, List<Long>> pids = BenchSupport.childPids(stack);
        Map<String, Duration> totals = new LinkedHashMap<>();
        for (String process : PROCESSES) {
            if (process.equals(BENCH)) {
                totals.put(process, cpu(ProcessHandle.current()));
                continue;
            }
            Duration total = Duration.ZERO;
            for (long pid : pids.getOrDefault(process, List.of())) {
                total = total.plus(ProcessHandle.of(pid).map(CpuUsage::cpu).orElse(Duration.ZERO));
            }
            totals.put(process, total);
        }
        return totals;
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** One row per phase, one column per process: CPU seconds, and the share of the phase's core-seconds. */
    static String toMarkdown(List<Phase> phases) {
        StringBuilder out = new StringBuilder("| phase | wall s |");
        PROCESSES.forEach(process -> out.append(' ').append(process).append(" |"));
        out.append(" total CPU s |\n|").append(" --- |".repeat(PROCESSES.size() + 3)).append('\n');
        for (Phase phase : phases) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f |", phase.name(), phase.wallSeconds()));
            double total = 0;
            for (String process : PROCESSES) {
                double used = phase.seconds().getOrDefault(process, 0.0);
                total += used;
                out.append(String.format(Locale.ROOT, " %.1f |", used));
            }
            out.append(String.format(Locale.ROOT, " %.1f |%n", total));
        }
        return out.toString();
    }
}
