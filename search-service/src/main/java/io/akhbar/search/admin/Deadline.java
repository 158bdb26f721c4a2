package io.akhbar.search.admin;

import org.apache.kafka.common.errors.TimeoutException;

import java.time.Duration;

/** The time one admin request may spend on Kafka, shared by all its calls so that together they stay bounded. */
final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline in(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    /** What is left; throws Kafka's own timeout (so that callers handle one exception type) when nothing is. */
    Duration remaining() {
        long nanos = endNanos - System.nanoTime();
        if (nanos <= 0) {
            throw new TimeoutException("Kafka did not answer in time");
        }
        return Duration.ofNanos(nanos);
    }

    /** One poll's wait: short, so that a loop of polls re-checks its condition, and never past the deadline. */
    Duration poll(Duration longest) {
        Duration left = remaining();
        return left.compareTo(longest) < 0 ? left : longest;
    }
}
