package io.akhbar.localstack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kills processes and removes work directories left by stacks whose JVM died without running its shutdown hook
 * (kill -9, a crashed test fork). Stacks of JVMs that are still alive are left alone: another build may be using them.
 */
final class LeftoverReaper {

    private static final System.Logger LOG = System.getLogger(LeftoverReaper.class.getName());

    record ProcessInfo(long pid, long startMillis, Optional<String> commandLine) {
    }

    interface Processes {
        Optional<ProcessInfo> find(long pid);

        void terminate(List<Long> pids);
    }

    private final Processes processes;

    LeftoverReaper(Processes processes) {
        this.processes = processes;
    }

    static LeftoverReaper forThisMachine() {
        return new LeftoverReaper(new LiveProcesses());
    }

    void reap(Path base) {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, WorkDir.PREFIX + "*")) {
            for (Path dir : dirs) {
                reapIfAbandoned(dir);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Cannot scan " + base + " for leftovers", e);
        }
    }

    private void reapIfAbandoned(Path dir) {
        Path pidFile = dir.resolve("pids");
        List<PidFile.Entry> entries;
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            entries = PidFile.read(pidFile);
        } catch (IOException | IllegalArgumentException e) {
            return;
        }
        if (ownerIsAlive(entries)) {
            return;
        }
        List<Long> leftovers = leftoverPids(entries, dir.toString());
        if (!leftovers.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Stopping processes " + leftovers + " left behind by a dead stack in " + dir);
            processes.terminate(leftovers);
        }
        WorkDir.deleteTree(dir);
    }

    boolean ownerIsAlive(List<PidFile.Entry> entries) {
        return entries.stream()
                .filter(entry -> entry.role() == PidFile.Role.OWNER)
                .anyMatch(owner -> processes.find(owner.pid())
                        .filter(info -> sameStart(owner, info))
                        .isPresent());
    }

    List<Long> leftoverPids(List<PidFile.Entry> entries, String marker) {
        List<Long> pids = new ArrayList<>();
        for (PidFile.Entry entry : entries) {
            if (entry.role() == PidFile.Role.CHILD
                    && processes.find(entry.pid()).filter(info -> isOurs(entry, info, marker)).isPresent()) {
                pids.add(entry.pid());
            }
        }
        return pids;
    }

    /** A recycled pid must not get someone else's process killed: demand the same start time and our marker. */
    static boolean isOurs(PidFile.Entry entry, ProcessInfo info, String marker) {
        return sameStart(entry, info) && info.commandLine().map(line -> line.contains(marker)).orElse(false);
    }

    private static boolean sameStart(PidFile.Entry entry, ProcessInfo info) {
        return entry.startMillis() == PidFile.UNKNOWN_START
                || info.startMillis() == PidFile.UNKNOWN_START
                || entry.startMillis() == info.startMillis();
    }

    private static final class LiveProcesses implements Processes {
        @Override
        public Optional<ProcessInfo> find(long pid) {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .map(handle -> new ProcessInfo(pid, PidFile.startMillis(handle), handle.info().commandLine()));
        }

        @Override
        public void terminate(List<Long> pids) {
            List<ProcessHandle> handles = pids.stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
            ChildProcess.terminate(handles, Duration.ofSeconds(15));
        }
    }
}
