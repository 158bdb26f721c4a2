package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverReaperTest {

    private static final long OWNER = 100;

    @TempDir
    Path base;

    private final FakeProcesses processes = new FakeProcesses();
    private final LeftoverReaper reaper = new LeftoverReaper(processes);

    @Test
    void leavesStacksOfLiveJvmsAlone() throws IOException {
        Path dir = stackDir("live");
        processes.running(OWNER, 1000, "java -jar surefirebooter.jar");
        processes.running(200, 2000, "java " + JavaCommand.MARKER_PROPERTY + "=" + dir);
        writePids(dir, owner(1000), child(200, 2000));

        reaper.reap(base);

        assertThat(processes.terminated).isEmpty();
        assertThat(dir).exists();
    }

    @Test
    void stopsChildrenOfADeadJvmAndRemovesItsDirectory() throws IOException {
        Path dir = stackDir("dead");
        processes.running(200, 2000, "java -Dakhbar.localstack.workdir=" + dir + " kafka.Kafka");
        processes.running(201, 2100, "/usr/sbin/runuser -u akhbar-es -- " + dir + "/elasticsearch/home/bin/elasticsearch");
        writePids(dir, owner(1000), child(200, 2000), child(201, 2100));

        reaper.reap(base);

        assertThat(processes.terminated).containsExactly(200L, 201L);
        assertThat(dir).doesNotExist();
    }

    @Test
    void treatsARecycledOwnerPidAsDead() throws IOException {
        Path dir = stackDir("recycled-owner");
        processes.running(OWNER, 9999, "bash");
        writePids(dir, owner(1000));

        reaper.reap(base);

        assertThat(dir).doesNotExist();
    }

    @Test
    void neverKillsAProcessThatMerelyReusedAPid() throws IOException {
        Path dir = stackDir("reused");
        processes.running(200, 7777, "java -Dakhbar.localstack.workdir=" + dir);
        processes.running(201, 2100, "vim notes.txt");
        writePids(dir, owner(1000), child(200, 2000), child(201, 2100));

        reaper.reap(base);

        assertThat(processes.terminated).isEmpty();
    }

    @Test
    void ignoresDirectoriesWithoutPidFile() throws IOException {
        Path kept = stackDir("kept-logs");

        reaper.reap(base);

        assertThat(kept).exists();
    }

    @Test
    void recognisesOurProcessOnlyWithTheMarkerInItsCommandLine() {
        PidFile.Entry entry = child(200, 2000);

        assertThat(LeftoverReaper.isOurs(entry,
                new LeftoverReaper.ProcessInfo(200, 2000, Optional.of("java -Dx=/tmp/akhbar-stack-1")), "/tmp/akhbar-stack-1"))
                .isTrue();
        assertThat(LeftoverReaper.isOurs(entry,
                new LeftoverReaper.ProcessInfo(200, 2000, Optional.empty()), "/tmp/akhbar-stack-1"))
                .isFalse();
    }

    @Test
    void killsARealOrphanWhoseCommandLineCarriesTheMarker() throws IOException {
        Path dir = stackDir("real");
        Process orphan = new ProcessBuilder("sh", "-c", "sleep 300; echo " + dir).start();
        writePids(dir, owner(1000), PidFile.Entry.of(PidFile.Role.CHILD, "sleeper", orphan.toHandle()));

        LeftoverReaper.forThisMachine().reap(base);

        assertThat(orphan.onExit()).succeedsWithin(Duration.ofSeconds(20));
        assertThat(dir).doesNotExist();
    }

    private Path stackDir(String name) throws IOException {
        return Files.createDirectories(base.resolve(WorkDir.PREFIX + name));
    }

    private static void writePids(Path dir, PidFile.Entry... entries) {
        PidFile.write(dir.resolve("pids"), List.of(entries));
    }

    private static PidFile.Entry owner(long start) {
        return new PidFile.Entry(PidFile.Role.OWNER, OWNER, start, "jvm");
    }

    private static PidFile.Entry child(long pid, long start) {
        return new PidFile.Entry(PidFile.Role.CHILD, pid, start, "child");
    }

    private static final class FakeProcesses implements LeftoverReaper.Processes {
        private final Map<Long, LeftoverReaper.ProcessInfo> running = new HashMap<>();
        private final List<Long> terminated = new ArrayList<>();

        void running(long pid, long start, String commandLine) {
            running.put(pid, new LeftoverReaper.ProcessInfo(pid, start, Optional.of(commandLine)));
        }

        @Override
        public Optional<LeftoverReaper.ProcessInfo> find(long pid) {
            return Optional.ofNullable(running.get(pid));
        }

        @Override
        public void terminate(List<Long> pids) {
            terminated.addAll(pids);
        }
    }
}
