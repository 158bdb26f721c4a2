package io.akhbar.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }

        assertThat(Latencies.percentile(sorted, 50)).isEqualTo(50);
        assertThat(Latencies.percentile(sorted, 99)).isEqualTo(99);
        assertThat(Latencies.percentile(sorted, 99.9)).isEqualTo(100);
        assertThat(Latencies.percentile(sorted, 100)).isEqualTo(100);
        assertThat(Latencies.percentile(sorted, 0)).isEqualTo(1);
        assertThat(Latencies.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThatThrownBy(() -> Latencies.percentile(new long[0], 50)).hasMessageContaining("no samples");
    }

    @Test
    void summariesMergeEveryThreadsRecorder() {
        Latencies first = new Latencies();
        Latencies second = new Latencies();
        for (int i = 1; i <= 2_000; i++) {
            (i % 2 == 0 ? first : second).record(i * 1_000_000L);
        }

        Latencies.Summary summary = Latencies.summarize(List.of(first, second));

        assertThat(summary.count()).isEqualTo(2_000);
        assertThat(summary.p50Millis()).isEqualTo(1_000.0);
        assertThat(summary.p99Millis()).isEqualTo(1_980.0);
        assertThat(summary.maxMillis()).isEqualTo(2_000.0);
        assertThat(summary.mean()).isEqualTo(1_000.5e6);
    }

    @Test
    void nothingRecordedIsAnEmptySummary() {
        assertThat(Latencies.summarize(List.of(new Latencies()))).isEqualTo(Latencies.Summary.EMPTY);
    }
}
