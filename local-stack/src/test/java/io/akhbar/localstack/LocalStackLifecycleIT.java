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
}
