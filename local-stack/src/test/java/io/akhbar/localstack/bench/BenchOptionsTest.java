package io.akhbar.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsAreTheFullRunOfTheIssue() {
        BenchOptions options = BenchOptions.parse();

        assertThat(options.searchDocs()).isEqualTo(100_000);
        assertThat(options.clients()).isEqualTo(20);
        assertThat(options.rate()).isEqualTo(200);
        assertThat(options.quick()).isFalse();
        assertThat(options.isolateIngest()).isTrue();
        assertThat(options.report()).isNull();
    }

    @Test
    void quickChangesTheDefaultsButExplicitOptionsWinWhereverTheyStand() {
        BenchOptions options = BenchOptions.parse("--articles", "300", "--quick", "--duration=5s");

        assertThat(options.quick()).isTrue();
        assertThat(options.articles()).isEqualTo(300);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.searchDocs()).isEqualTo(BenchOptions.QUICK.searchDocs());
    }

    @Test
    void readsEveryOption() {
        BenchOptions options = BenchOptions.parse("--search-docs", "120_000", "--clients", "8", "--search-warmup",
                "500ms", "--freshness-duration", "1m", "--freshness-warmup", "5s", "--rate", "50", "--batch-size", "1000", "--senders", "3",
                "--stream-articles", "700", "--stream-subscribers", "40", "--warmup", "0", "--seed", "42", "--no-isolate-ingest", "--report", "out.md", "--keep-logs");

        assertThat(options.searchDocs()).isEqualTo(120_000);
        assertThat(options.clients()).isEqualTo(8);
        assertThat(options.searchWarmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.freshnessDuration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.freshnessWarmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.rate()).isEqualTo(50);
        assertThat(options.streamArticles()).isEqualTo(700);
        assertThat(options.streamSubscribers()).isEqualTo(40);
        assertThat(options.batchSize()).isEqualTo(1000);
        assertThat(options.senders()).isEqualTo(3);
        assertThat(options.warmup()).isZero();
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.isolateIngest()).isFalse();
        assertThat(options.report()).isEqualTo(Path.of("out.md"));
        assertThat(options.keepLogs()).isTrue();
    }

    @Test
    void scenariosAreAllByDefaultOrTheChosenOnes() {
        assertThat(BenchOptions.parse().scenarios()).containsExactlyInAnyOrderElementsOf(BenchOptions.SCENARIOS);
        assertThat(BenchOptions.parse("--scenarios", "freshness, search").scenarios())
                .containsExactlyInAnyOrder("freshness", "search");
        assertThatThrownBy(() -> BenchOptions.parse("--scenarios", "freshness,latency"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown scenario latency");
    }

    @Test
    void serviceArgumentsAreCollectedByModule() {
        BenchOptions options = BenchOptions.parse("--service-arg", "search-service:--a=1",
                "--service-arg=search-service:--b=2", "--service-arg", "nlp-service:--c");

        assertThat(options.serviceArguments()).containsEntry("search-service", java.util.List.of("--a=1", "--b=2"))
                .containsEntry("nlp-service", java.util.List.of("--c"));
        assertThatThrownBy(() -> BenchOptions.parse("--service-arg", "--a=1")).hasMessageContaining("MODULE:ARGUMENT");
        assertThatThrownBy(() -> BenchOptions.parse("--service-arg", "kafka:--a=1")).hasMessageContaining("Unknown service");
    }

    @Test
    void durationsTakeAUnitOrPlainSeconds() {
        assertThat(BenchOptions.parseDuration("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(BenchOptions.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(BenchOptions.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> BenchOptions.parseDuration("soon")).hasMessageContaining("Not a duration");
    }

    @Test
    void refusesWhatCannotRun() {
        assertThatThrownBy(() -> BenchOptions.parse("--batch-size", "1001")).hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> BenchOptions.parse("--clients", "0")).hasMessageContaining("--clients");
        assertThatThrownBy(() -> BenchOptions.parse("--articles")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--turbo", "1")).hasMessageContaining("Unknown option --turbo");
        assertThatThrownBy(() -> BenchOptions.parse("fast")).hasMessageContaining("Unexpected argument");
        assertThatThrownBy(() -> BenchOptions.parse("--duration", "0s")).hasMessageContaining("positive");
    }
}
