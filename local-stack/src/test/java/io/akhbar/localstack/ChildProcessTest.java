package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path temp;

    @Test
    void tailsTheLastLinesOfALog() throws IOException {
        Path log = temp.resolve("child.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n")));

        assertThat(ChildProcess.tail(log, 3)).containsExactly("line 98", "line 99", "line 100");
        assertThat(ChildProcess.tail(temp.resolve("missing.log"), 3)).isEmpty();
    }

    @Test
    void reportsTheOutputOfAFailedCommand() {
        assertThatThrownBy(() -> ChildProcess.run("failing", List.of("sh", "-c", "echo broken config; exit 3"),
                Map.of(), temp, temp.resolve("failing.log"), Duration.ofSeconds(30)))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("exit code 3")
                .hasMessageContaining("broken config");
    }

    @Test
    void stopsTheWholeProcessTree() {
        ChildProcess parent = ChildProcess.start("tree", List.of("sh", "-c", "sleep 300 & sleep 300 & wait"),
                Map.of(), temp, temp.resolve("tree.log"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> parent.tree().size() == 3);
        List<ProcessHandle> tree = parent.tree();

        ChildProcess.stopAll(List.of(parent), Duration.ofSeconds(10));

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void killsWhatIgnoresSigterm() {
        ChildProcess stubborn = ChildProcess.start("stubborn", List.of("sh", "-c", "trap '' TERM; sleep 300 & wait"),
                Map.of(), temp, temp.resolve("stubborn.log"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> stubborn.tree().size() == 2);
        List<ProcessHandle> tree = stubborn.tree();

        ChildProcess.stopAll(List.of(stubborn), Duration.ofMillis(500));

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void killsTheWholeTreeWithSigkillEvenWhenSigtermIsIgnored() {
        ChildProcess stubborn = ChildProcess.start("crash", List.of("sh", "-c", "trap '' TERM; sleep 300 & wait"),
                Map.of(), temp, temp.resolve("crash.log"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> stubborn.tree().size() == 2);
        List<ProcessHandle> tree = stubborn.tree();

        stubborn.kill();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        // 128 + 9: the shell died of SIGKILL itself, it did not exit after a signal it could handle.
        assertThat(stubborn.exitValue()).isEqualTo(137);
    }

    @Test
    void aJvmChildDiesOfSigkillWithoutRunningItsShutdownHooks() throws IOException {
        Path marker = temp.resolve("hook-ran");
        Path source = temp.resolve("Hooked.java");
        Files.writeString(source, """
                public class Hooked {
                    public static void main(String[] args) throws Exception {
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                            try { java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), "ran"); }
                            catch (Exception ignored) { }
                        }));
                        System.out.println("started");
                        new java.util.concurrent.CountDownLatch(1).await();
                    }
                }
                """);
        ChildProcess jvm = ChildProcess.start("jvm", List.of(JavaCommand.javaExecutable(), source.toString(),
                marker.toString()), Map.of(), temp, temp.resolve("jvm.log"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.readString(temp.resolve("jvm.log")).contains("started"));

        jvm.kill();

        assertThat(jvm.exitValue()).isEqualTo(137);
        assertThat(marker).doesNotExist();
    }

    @Test
    void relaunchesTheSameCommandAppendingToTheSameLog() throws IOException {
        Path log = temp.resolve("again.log");
        ChildProcess first = ChildProcess.start("again", List.of("sh", "-c", "echo run $GREETING; sleep 300"),
                Map.of("GREETING", "hello"), temp, log);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.readString(log).contains("run hello"));
        first.kill();

        ChildProcess second = first.relaunch();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> Files.readAllLines(log).size() == 2);
            assertThat(Files.readAllLines(log)).containsExactly("run hello", "run hello");
            assertThat(second.isAlive()).isTrue();
            assertThat(second.pid()).isNotEqualTo(first.pid());
        } finally {
            second.kill();
        }
    }
}
