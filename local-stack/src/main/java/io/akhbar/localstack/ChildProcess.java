package io.akhbar.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process we started, whose output goes to a log file so a full pipe can never block it. */
final class ChildProcess {

    private static final System.Logger LOG = System.getLogger(ChildProcess.class.getName());
    private static final int TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final List<Path> logFiles;
    private final Launch launch;

    /** What it takes to start the same process again, for restarts after a kill. */
    private record Launch(List<String> command, Map<String, String> environment, Path workingDirectory,
                          Path outputLog, Path[] extraLogFiles) {
    }

    private ChildProcess(String name, Process process, List<Path> logFiles, Launch launch) {
        this.name = name;
        this.process = process;
        this.logFiles = logFiles;
        this.launch = launch;
    }

    /**
     * @param extraLogFiles files the process writes itself (e.g. through log4j), shown with the output on failure
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                              Path workingDirectory, Path outputLog, Path... extraLogFiles) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(outputLog.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(outputLog.getParent());
            Process process = builder.start();
            // Nothing we run reads stdin; an open pipe would only keep a prompt waiting forever.
            process.getOutputStream().close();
            List<Path> logs = new ArrayList<>();
            logs.add(outputLog);
            logs.addAll(List.of(extraLogFiles));
            return new ChildProcess(name, process, logs,
                    new Launch(List.copyOf(command), Map.copyOf(environment), workingDirectory, outputLog, extraLogFiles));
        } catch (IOException e) {
            throw new LocalStackException("Cannot start " + name + " with " + String.join(" ", command), e);
        }
    }

    /** Runs a short-lived command to completion, failing with its output if it does not succeed. */
    static void run(String name, List<String> command, Map<String, String> environment,
                    Path workingDirectory, Path outputLog, Duration timeout) {
        ChildProcess child = start(name, command, environment, workingDirectory, outputLog);
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stopAll(List.of(child), Duration.ofSeconds(5));
                throw new LocalStackException(name + " did not finish within " + timeout + child.logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAll(List.of(child), Duration.ofSeconds(5));
            throw new LocalStackException("Interrupted while waiting for " + name, e);
        }
        if (child.process.exitValue() != 0) {
            throw new LocalStackException(name + " failed with exit code " + child.process.exitValue() + child.logTail());
        }
    }

    String name() {
        return name;
    }

    /**
     * Starts the same command again, with the same environment, directory and logs (appended to), e.g. after
     * {@link #kill()}. The caller makes sure this one is gone: both would want the same ports and data.
     */
    ChildProcess relaunch() {
        return start(name, launch.command(), launch.environment(), launch.workingDirectory(), launch.outputLog(),
                launch.extraLogFiles());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** The process and everything it spawned (launcher scripts, runuser, the real JVM). */
    List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        return tree;
    }

    /** The last lines of each log, formatted to be appended to an error message. */
    String logTail() {
        StringBuilder report = new StringBuilder();
        for (Path log : logFiles) {
            List<String> lines = tail(log, TAIL_LINES);
            if (!lines.isEmpty()) {
                report.append(System.lineSeparator()).append("--- last lines of ").append(log).append(" ---");
                lines.forEach(line -> report.append(System.lineSeparator()).append(line));
            }
        }
        if (report.length() == 0) {
            report.append(System.lineSeparator()).append("(no output in ").append(logFiles).append(')');
        }
        return report.toString();
    }

    static List<String> tail(Path file, int lineCount) {
        if (!Files.isReadable(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int window = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[window];
            raf.seek(length - window);
            raf.readFully(bytes);
            List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return lines.subList(Math.max(0, lines.size() - lineCount), lines.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    /**
     * SIGKILL to the process and everything it spawned at once, as a crash or the OOM killer would: no shutdown hook,
     * no flush, no leaving the consumer group. On Unix {@link ProcessHandle#destroyForcibly} is SIGKILL. Returns once
     * every process of the tree is gone.
     */
    void kill() {
        // Descendants are collected before the root dies: afterwards they are re-parented and unreachable.
        List<ProcessHandle> handles = tree();
        handles.forEach(ProcessHandle::destroyForcibly);
        handles.forEach(handle -> awaitExit(handle, TimeUnit.SECONDS.toNanos(30)));
        List<Long> survivors = handles.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
        if (!survivors.isEmpty()) {
            throw new LocalStackException("Processes of " + name + " survived SIGKILL: " + survivors);
        }
    }

    /**
     * Asks every process of every tree to terminate at the same time, so that independent children shut down in
     * parallel, then kills whatever is still running after the grace period.
     */
    static void stopAll(Collection<ChildProcess> children, Duration grace) {
        List<ProcessHandle> handles = new ArrayList<>();
        for (ChildProcess child : children) {
            // Descendants are collected before the root dies: afterwards they are re-parented and unreachable.
            handles.addAll(child.tree());
        }
        terminate(handles, grace);
    }

    static void terminate(List<ProcessHandle> handles, Duration grace) {
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : handles) {
            awaitExit(handle, Math.max(0, deadline - System.nanoTime()));
        }
        List<ProcessHandle> survivors = handles.stream().filter(ProcessHandle::isAlive).toList();
        if (!survivors.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Killing processes that ignored SIGTERM for " + grace.toMillis() + " ms: "
                    + survivors.stream().map(ProcessHandle::pid).toList());
            survivors.forEach(ProcessHandle::destroyForcibly);
            survivors.forEach(handle -> awaitExit(handle, TimeUnit.SECONDS.toNanos(10)));
        }
    }

    private static void awaitExit(ProcessHandle handle, long nanos) {
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Still running after the timeout; the caller decides what to do with survivors.
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
