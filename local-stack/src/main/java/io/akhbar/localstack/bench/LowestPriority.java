package io.akhbar.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Puts the calling thread at Linux's lowest CPU priority (nice 19), for client work of the benchmark that stands in
 * for clients on other machines: the scheduler then gives it what the measured processes leave, instead of an equal
 * share. Java has no call for it; {@code renice} on a thread id changes that thread alone, and {@code
 * /proc/thread-self} names the calling thread's id.
 */
final class LowestPriority {

    static final int NICE = 19;
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    /** The nice value is the 19th field of a task's stat line, the 17th after the parenthesized command name. */
    private static final int NICE_AFTER_NAME = 16;

    private LowestPriority() {
    }

    /** @return whether the calling thread now runs at nice {@value #NICE}: false without /proc/thread-self or renice */
    static boolean lowerCallingThread() {
        Path task;
        try {
            task = THREAD_SELF.toRealPath();
        } catch (IOException e) {
            return false;
        }
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p",
                    task.getFileName().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!renice.waitFor(10, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return false;
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return niceOf(task).orElse(0) == NICE;
    }

    /** The nice value the kernel reports for a task directory such as /proc/PID/task/TID, if it can be read. */
    static OptionalInt niceOf(Path task) {
        try {
            return niceOfStat(Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    static OptionalInt niceOfStat(String stat) {
        String[] fields = CpuUsage.fieldsAfterName(stat);
        if (fields.length <= NICE_AFTER_NAME) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(fields[NICE_AFTER_NAME]));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
