package io.akhbar.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProducerPerformanceToolTest {

    /** As Kafka 4.1's ProducerPerformance prints it: periodic lines, then the totals with percentiles. */
    private static final String OUTPUT = """
            SLF4J(W): No SLF4J providers were found.
            31081 records sent, 6214.9 records/sec (17.78 MB/sec), 1204.3 ms avg latency, 1856.0 ms max latency.
            40552 records sent, 8108.8 records/sec (23.20 MB/sec), 1380.6 ms avg latency, 1702.0 ms max latency.
            100000 records sent, 7484.844 records/sec (21.41 MB/sec), 1306.81 ms avg latency, 1856.00 ms max latency, \
            1298 ms 50th, 1684 ms 95th, 1790 ms 99th, 1843 ms 99.9th.
            """;

    @Test
    void readsTheTotalsLine() {
        ProducerPerformanceTool.Summary summary = ProducerPerformanceTool.parseSummary(OUTPUT).orElseThrow();

        assertThat(summary.records()).isEqualTo(100_000);
        assertThat(summary.recordsPerSecond()).isEqualTo(7484.844);
        assertThat(summary.megabytesPerSecond()).isEqualTo(21.41);
        assertThat(summary.averageLatencyMillis()).isEqualTo(1306.81);
        assertThat(summary.maxLatencyMillis()).isEqualTo(1856.0);
        assertThat(summary.p50Millis()).isEqualTo(1298);
        assertThat(summary.p95Millis()).isEqualTo(1684);
        assertThat(summary.p99Millis()).isEqualTo(1790);
        assertThat(summary.p999Millis()).isEqualTo(1843);
    }

    @Test
    void periodicLinesAloneAreNoSummary() {
        assertThat(ProducerPerformanceTool.parseSummary(OUTPUT.lines().limit(3)
                .reduce("", (a, b) -> a + b + "\n"))).isEmpty();
        assertThat(ProducerPerformanceTool.parseSummary("Exception in thread \"main\"")).isEmpty();
    }

    @Test
    void commandRunsTheToolUnthrottledWithTheGivenProducerProperties() {
        List<String> command = ProducerPerformanceTool.command("/jdk/bin/java", List.of("-Dmarker=x"), "a.jar:b.jar",
                "bench.topic", 2_000, 3_100, "127.0.0.1:9092", List.of("acks=all"));

        assertThat(command).startsWith("/jdk/bin/java");
        assertThat(command).containsSubsequence("-cp", "a.jar:b.jar", ProducerPerformanceTool.MAIN_CLASS);
        assertThat(command).containsSubsequence("--topic", "bench.topic", "--num-records", "2000",
                "--record-size", "3100", "--throughput", "-1", "--producer-props", "acks=all",
                "bootstrap.servers=127.0.0.1:9092");
        assertThat(command).contains("-Dmarker=x", "-Duser.language=en");
    }
}
