package io.akhbar.search.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** Samples of one ever-growing count, kept for 15 minutes, from which per-second rates over a window are read. */
final class RateWindow {

    private static final Duration KEPT = Duration.ofMinutes(15);

    private final Deque<Sample> samples = new ArrayDeque<>();

    synchronized void add(Instant at, long count) {
        samples.addLast(new Sample(at, count));
        while (samples.size() > 2 && samples.peekFirst().at().isBefore(at.minus(KEPT).minusSeconds(30))) {
            samples.removeFirst();
        }
    }

    /** Per-second rate over the window, or over what has been seen of it since start-up; 0 with fewer than 2 samples. */
    synchronized double perSecond(Duration window) {
        if (samples.size() < 2) {
            return 0;
        }
        Sample last = samples.peekLast();
        Instant from = last.at().minus(window);
        Sample first = last;
        for (Sample sample : samples) {
            if (!sample.at().isBefore(from)) {
                first = sample;
                break;
            }
        }
        double seconds = Duration.between(first.at(), last.at()).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : Math.max(0, last.count() - first.count()) / seconds;
    }

    private record Sample(Instant at, long count) {
    }
}
