package io.akhbar.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine a run measured, as it describes itself; Linux files where there is no Java API. */
record Machine(int cores, String cpu, long memoryBytes, String os, String jdk) {

    static Machine describe() {
        String cpu = read("/proc/cpuinfo").flatMap(info -> field(info, "model name")).orElse("unknown CPU");
        long memory = read("/proc/meminfo").flatMap(info -> field(info, "MemTotal"))
                .map(value -> Long.parseLong(value.replace("kB", "").trim()) * 1024).orElse(0L);
        String os = read("/etc/os-release").flatMap(release -> field(release, "PRETTY_NAME"))
                .map(name -> name.replace("\"", ""))
                .orElse(System.getProperty("os.name"));
        os += " (" + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
                + System.getProperty("os.arch") + ")";
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        return new Machine(Runtime.getRuntime().availableProcessors(), cpu, memory, os, jdk);
    }

    /** The 1, 5 and 15 minute load averages, e.g. {@code 1.52 2.10 3.00}; a busy machine shows in them. */
    static String loadAverage() {
        return read("/proc/loadavg").map(load -> {
            String[] fields = load.trim().split("\\s+");
            return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : load.trim();
        }).orElse("unknown");
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("CPU:    " + cores + " cores available to the JVM, " + cpu);
        lines.add(String.format(Locale.ROOT, "Memory: %.1f GiB", memoryBytes / (1024.0 * 1024 * 1024)));
        lines.add("OS:     " + os);
        lines.add("JDK:    " + jdk);
        return lines;
    }

    /** The value of the first {@code key: value} or {@code key=value} line. */
    static Optional<String> field(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key)) {
                String rest = line.substring(key.length()).trim();
                if (rest.startsWith(":") || rest.startsWith("=")) {
                    return Optional.of(rest.substring(1).trim());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
