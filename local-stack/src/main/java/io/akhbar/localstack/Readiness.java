package io.akhbar.localstack;

import java.time.Duration;

/** Polls a probe until it succeeds, failing early when the child has died and with its log when time runs out. */
final class Readiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    @FunctionalInterface
    interface Probe {
        boolean ready() throws Exception;
    }

    private Readiness() {
    }

    static Duration await(ChildProcess child, String condition, Duration timeout, Probe probe) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Exception lastFailure = null;
        while (true) {
            if (!child.isAlive()) {
                throw new LocalStackException(child.name() + " exited with code " + child.exitValue()
                        + " before " + condition + child.logTail());
            }
            try {
                if (probe.ready()) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("Interrupted while waiting until " + condition, e);
            } catch (Exception e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                throw new LocalStackException("Timed out after " + timeout + " waiting until " + condition
                        + (lastFailure == null ? "" : " (last probe error: " + lastFailure + ")")
                        + child.logTail());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while waiting for a child process", e);
        }
    }
}
