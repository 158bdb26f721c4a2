package io.akhbar.localstack.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Recorded latencies in nanoseconds: one recorder per thread (not thread-safe), merged at the end. Every sample is
 * kept, so percentiles are exact; a 30 s run at a few thousand requests per second is a few megabytes.
 */
final class Latencies {

    private long[] samples = new long[1024];
    private int size;

    void record(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    int size() {
        return size;
    }

    static Summary summarize(Collection<Latencies> recorders) {
        int total = recorders.stream().mapToInt(Latencies::size).sum();
        long[] all = new long[total];
        int at = 0;
        for (Latencies recorder : recorders) {
            System.arraycopy(recorder.samples, 0, all, at, recorder.size);
            at += recorder.size;
        }
        return Summary.of(all);
    }

    /** Times in nanoseconds; {@link #EMPTY} when nothing was recorded. */
    record Summary(int count, long p50, long p99, long max, double mean) {

        static final Summary EMPTY = new Summary(0, 0, 0, 0, 0);

        static Summary of(long[] nanos) {
            if (nanos.length == 0) {
                return EMPTY;
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Summary(sorted.length, percentile(sorted, 50), percentile(sorted, 99),
                    sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(0));
        }

        double p50Millis() {
            return p50 / 1e6;
        }

        double p99Millis() {
            return p99 / 1e6;
        }

        double maxMillis() {
            return max / 1e6;
        }
    }

    /** Nearest rank: the smallest sample that at least {@code percent}% of the samples do not exceed. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (percent <= 0) {
            return sorted[0];
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
