package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** A private stack (not the shared one), so that it can be closed and checked for leftovers. */
class LocalStackLifecycleIT {

    @Test
    void closeStopsEveryProcessItStartedAndRemovesItsDirectory() throws Exception {
        LocalStack stack = LocalStack.builder().build().start();
        Path workDirectory = stack.workDirectory();
        List<PidFile.Entry> children = PidFile.read(workDirectory.resolve("pids")).stream()
                .filter(entry -> entry.role() == PidFile.Role.CHILD)
                .toList();
        List<ProcessHandle> processes = children.stream()
                .map(entry -> ProcessHandle.of(entry.pid()))
                .flatMap(Optional::stream)
                .toList();

        // Every recorded process, including the Elasticsearch server JVM under runuser, is recognisable as ours.
        assertThat(children).extracting(PidFile.Entry::name).contains("kafka", "elasticsearch");
        assertThat(processes).hasSameSizeAs(children).allSatisfy(process -> assertThat(LeftoverReaper.isOurs(
                PidFile.Entry.of(PidFile.Role.CHILD, "child", process),
                new LeftoverReaper.ProcessInfo(process.pid(), PidFile.startMillis(process), process.info().commandLine()),
                workDirectory.toString())).as("recognised %s", process.info().commandLine()).isTrue());

        // As when close() races the shutdown hook: both calls must return, and only after everything stopped.
        CompletableFuture<Void> concurrentClose = CompletableFuture.runAsync(stack::close);
        stack.close();

        assertThat(concurrentClose).succeedsWithin(Duration.ofSeconds(60));
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(workDirectory).doesNotExist();
        assertThatThrownBy(stack::kafkaBootstrapServers).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKilledBrokerRestartsOnItsPortWithItsDataAndThePidFileFollows() throws Exception {
        try (LocalStack stack = LocalStack.builder().withElasticsearch(false).build().start();
             KafkaProbe probe = new KafkaProbe(stack.kafkaBootstrapServers())) {
            Path pids = stack.workDirectory().resolve("pids");
            probe.send("restart.check", "before", "written before the crash".getBytes(), java.util.Map.of());
            List<Long> before = kafkaPids(pids);

            stack.killKafka();

            assertThat(before).isNotEmpty().allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
            assertThat(kafkaPids(pids)).isEmpty();

            stack.restartKafka();

            assertThat(kafkaPids(pids)).isNotEmpty().doesNotContainAnyElementsOf(before);
            probe.send("restart.check", "after", "written after the restart".getBytes(), java.util.Map.of());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> probe.read("restart.check").size() == 2);
            assertThat(probe.read("restart.check")).extracting(record -> record.key())
                    .containsExactlyInAnyOrder("before", "after");
        }
    }

    private static List<Long> kafkaPids(Path pidFile) throws java.io.IOException {
        return PidFile.read(pidFile).stream()
                .filter(entry -> entry.role() == PidFile.Role.CHILD && entry.name().equals("kafka"))
                .map(PidFile.Entry::pid)
                .toList();
    }
}
