package io.akhbar.localstack.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Freezes processes with SIGSTOP and thaws them with SIGCONT when closed, so that a measurement has the CPU to
 * itself. Kept short: a consumer frozen longer than its session timeout (45 s) leaves its group and rejoins on
 * thawing.
 */
final class ServicePause implements AutoCloseable {

    private final List<Long> pids;
    private final long pausedAt = System.nanoTime();
    /** Thaws them if the benchmark is stopped meanwhile, so that the stack's shutdown finds them able to stop. */
    private final Thread thawOnExit;

    private ServicePause(List<Long> pids) {
        this.pids = List.copyOf(pids);
        this.thawOnExit = new Thread(() -> {
            try {
                signal("-CONT", this.pids);
            } catch (IOException | InterruptedException e) {
                // Exiting anyway; the stack kills what does not stop.
            }
        }, "akhbar-bench-thaw");
    }

    static ServicePause of(List<Long> pids) throws IOException, InterruptedException {
        ServicePause pause = new ServicePause(pids);
        Runtime.getRuntime().addShutdownHook(pause.thawOnExit);
        signal("-STOP", pids);
        return pause;
    }

    long pausedSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - pausedAt);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        signal("-CONT", pids);
        try {
            Runtime.getRuntime().removeShutdownHook(thawOnExit);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs and signals again, which does no harm.
        }
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes());
        if (kill.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.trim());
        }
    }
}
