package io.akhbar.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Resident memory of a process from Linux's {@code /proc/<pid>/status}: {@code VmHWM} is the peak since the process
 * started, {@code VmRSS} the current figure.
 */
record ProcessMemory(long pid, long peakBytes, long currentBytes) {

    static Optional<ProcessMemory> of(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            return Optional.of(parse(pid, Files.readString(status, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The process of the tree that uses most memory: for Elasticsearch the server JVM, not its launchers. */
    static Optional<ProcessMemory> largest(List<Long> pids) {
        return pids.stream()
                .map(ProcessMemory::of)
                .flatMap(Optional::stream)
                .max((a, b) -> Long.compare(a.peakBytes, b.peakBytes));
    }

    static ProcessMemory parse(long pid, String status) {
        return new ProcessMemory(pid, kilobytes(status, "VmHWM:") * 1024, kilobytes(status, "VmRSS:") * 1024);
    }

    private static long kilobytes(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                String value = line.substring(key.length()).trim();
                if (!value.endsWith("kB")) {
                    throw new IllegalArgumentException("Unexpected unit in " + line);
                }
                return Long.parseLong(value.substring(0, value.length() - 2).trim());
            }
        }
        throw new IllegalArgumentException("No " + key + " in the process status");
    }

    /** The maximum heap a JVM was started with, as given on its command line, e.g. {@code 256m}. */
    static Optional<String> maxHeapOption(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().arguments())
                .flatMap(arguments -> java.util.Arrays.stream(arguments)
                        .filter(argument -> argument.startsWith("-Xmx"))
                        .reduce((first, second) -> second))
                .map(option -> option.substring(4));
    }
}
