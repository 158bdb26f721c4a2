package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Records which JVM owns a work directory and which processes it started, so that a later start can clean up after a
 * JVM that was killed before its shutdown hook could run.
 */
final class PidFile {

    static final long UNKNOWN_START = -1;

    enum Role { OWNER, CHILD }

    record Entry(Role role, long pid, long startMillis, String name) {
        String render() {
            return role.name().toLowerCase() + ' ' + pid + ' ' + startMillis + ' ' + name;
        }

        static Entry parse(String line) {
            String[] fields = line.trim().split(" ", 4);
            if (fields.length < 4) {
                throw new IllegalArgumentException("Malformed pid file line: " + line);
            }
            return new Entry(Role.valueOf(fields[0].toUpperCase()), Long.parseLong(fields[1]),
                    Long.parseLong(fields[2]), fields[3]);
        }

        static Entry of(Role role, String name, ProcessHandle handle) {
            return new Entry(role, handle.pid(), PidFile.startMillis(handle), name);
        }
    }

    private PidFile() {
    }

    static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(instant -> instant.toEpochMilli()).orElse(UNKNOWN_START);
    }

    static void write(Path file, List<Entry> entries) {
        List<String> lines = entries.stream().map(Entry::render).toList();
        try {
            // Written aside and moved so a concurrent reaper never sees half a file.
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                entries.add(Entry.parse(line));
            }
        }
        return entries;
    }
}
