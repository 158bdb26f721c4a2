package io.akhbar.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Thread CPU time spent in the benchmarked calls, reported by JMH next to the wall-clock score. On a shared machine
 * the wall clock also counts the time other processes held the core; CPU time does not, so calls per CPU second is
 * the figure per core that survives a busy build host.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public long cpuNanos;
    public long calls;

    @Setup(Level.Iteration)
    public void reset() {
        cpuNanos = 0;
        calls = 0;
    }

    long start() {
        return THREADS.getCurrentThreadCpuTime();
    }

    void stop(long start) {
        cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
        calls++;
    }
}
