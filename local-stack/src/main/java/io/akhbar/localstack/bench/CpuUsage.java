package io.akhbar.localstack.bench;

import io.akhbar.localstack.BenchSupport;
import io.akhbar.localstack.LocalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * CPU time each process of the stack (and the benchmark itself) used during a measured phase: the evidence for what
 * bounds a figure. On two cores a phase of {@code w} seconds has {@code 2w} core-seconds to share out.
 *
 * <p>Beside each figure, the part of it that the JVM's JIT compiler threads took: on this machine a service keeps
 * compiling for minutes under a new load, and a phase that pays for compilation measures code that is not warm yet.
 */
final class CpuUsage {

    static final String BENCH = "bench";
    static final List<String> PROCESSES = List.of("ingest-service", "nlp-service", "search-service", "kafka",
            "elasticsearch", BENCH);

    /** HotSpot's names for its compiler threads: "C1 CompilerThread0", "C2 CompilerThread1" (cut to 15 bytes). */
    private static final Pattern COMPILER_THREAD = Pattern.compile("C[12] CompilerThre.*");
    /** Linux's USER_HZ, the unit of the times in /proc/PID/task/TID/stat; 100 on every common kernel build. */
    private static final double TICKS_PER_SECOND = 100.0;

    /**
     * @param seconds    CPU seconds by process name, in {@link #PROCESSES} order
     * @param jitSeconds the part of {@code seconds} spent by each process's JIT compiler threads
     */
    record Phase(String name, double wallSeconds, Map<String, Double> seconds, Map<String, Double> jitSeconds) {

        String describe() {
            StringBuilder text = new StringBuilder();
            seconds.forEach((process, used) -> text.append(text.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.1f", process, used)).append(jitPart(process)));
            double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
            return String.format(Locale.ROOT, "CPU s: %s; total %.1f of %.1f core-s available (%.1f s x %d cores)",
                    text, total, wallSeconds * Runtime.getRuntime().availableProcessors(), wallSeconds,
                    Runtime.getRuntime().availableProcessors());
        }

        /** " (JIT n)" after a process's CPU seconds when its compilers' share is worth a mention (0.05 s), else "". */
        String jitPart(String process) {
            double jit = jitSeconds.getOrDefault(process, 0.0);
            return jit >= 0.05 ? String.format(Locale.ROOT, " (JIT %.1f)", jit) : "";
        }
    }

    private final LocalStack stack;
    private final List<Phase> phases = new ArrayList<>();

    CpuUsage(LocalStack stack) {
        this.stack = stack;
    }

    /**
     * A measurement; {@link #stop} records it. It may pause and resume, so that two targets that take turns each get
     * the sum of their own turns.
     */
    final class Meter {
        private final String name;
        private final Map<String, Double> used = new LinkedHashMap<>();
        private final Map<String, Double> jitUsed = new LinkedHashMap<>();
        private long wallNanos;
        private long runningSince;
        private Map<String, Duration> before;
        private Map<String, Duration> jitBefore;

        private Meter(String name) {
            this.name = name;
            resume();
        }

        void pause() {
            if (before == null) {
                return;
            }
            difference(before, snapshot(CpuUsage::cpu)).forEach((process, s) -> used.merge(process, s, Double::sum));
            difference(jitBefore, snapshot(CpuUsage::compilerCpu))
                    .forEach((process, s) -> jitUsed.merge(process, s, Double::sum));
            wallNanos += System.nanoTime() - runningSince;
            before = null;
        }

        void resume() {
            if (before != null) {
                return;
            }
            runningSince = System.nanoTime();
            before = snapshot(CpuUsage::cpu);
            jitBefore = snapshot(CpuUsage::compilerCpu);
        }

        Phase stop() {
            pause();
            // Copies that keep PROCESSES order, which describe() prints in.
            Phase phase = new Phase(name, wallNanos / 1e9, new LinkedHashMap<>(used), new LinkedHashMap<>(jitUsed));
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

    private static Map<String, Double> difference(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        for (String process : PROCESSES) {
            used.put(process, (after.getOrDefault(process, Duration.ZERO)
                    .minus(before.getOrDefault(process, Duration.ZERO))).toMillis() / 1000.0);
        }
        return used;
    }

    /** A CPU time so far of each process by name; a process that is gone counts no more. */
    private Map<String, Duration> snapshot(Function<ProcessHandle, Duration> measure) {
        Map<String, List<Long>> pids = BenchSupport.childPids(stack);
        Map<String, Duration> totals = new LinkedHashMap<>();
        for (String process : PROCESSES) {
            if (process.equals(BENCH)) {
                totals.put(process, measure.apply(ProcessHandle.current()));
                continue;
            }
            Duration total = Duration.ZERO;
            for (long pid : pids.getOrDefault(process, List.of())) {
                total = total.plus(ProcessHandle.of(pid).map(measure).orElse(Duration.ZERO));
            }
            totals.put(process, total);
        }
        return totals;
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * CPU time of the JIT compiler threads of one process (the pid file lists every process of a child's tree), from
     * {@code /proc}; zero where that cannot be read. A compiler thread that ended (HotSpot stops idle ones) takes its
     * time with it, so this is a lower bound.
     */
    static Duration compilerCpu(ProcessHandle process) {
        double seconds = compilerSeconds(Path.of("/proc", String.valueOf(process.pid()), "task"));
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    static double compilerSeconds(Path tasks) {
        double seconds = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    if (COMPILER_THREAD.matcher(Files.readString(thread.resolve("comm")).strip()).matches()) {
                        seconds += threadSeconds(Files.readString(thread.resolve("stat")));
                    }
                } catch (IOException threadEnded) {
                    // It exited between the listing and the read: its time is gone with it.
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
        return seconds;
    }

    /** utime + stime of a {@code stat} line. */
    static double threadSeconds(String stat) {
        String[] fields = fieldsAfterName(stat);
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /**
     * The fields of a /proc {@code stat} line after the task's name, the state (field 3) first; none when the line has
     * no name. The name in parentheses may itself contain spaces and parentheses, so it ends at the last ')'.
     */
    static String[] fieldsAfterName(String stat) {
        int nameEnd = stat.lastIndexOf(')');
        return nameEnd < 0 || nameEnd + 2 > stat.length() ? new String[0] : stat.substring(nameEnd + 2).split(" ");
    }

    /** One row per phase, one column per process: CPU seconds, of which the JIT compilers' in parentheses. */
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
                out.append(String.format(Locale.ROOT, " %.1f", used)).append(phase.jitPart(process)).append(" |");
            }
            out.append(String.format(Locale.ROOT, " %.1f |%n", total));
        }
        return out.toString();
    }
}
