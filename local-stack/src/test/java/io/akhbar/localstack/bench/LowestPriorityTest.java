package io.akhbar.localstack.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LowestPriorityTest {

    @Test
    void niceIsReadAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (bench (sse) reader) S 1 4200 4200 0 -1 4194560 120 0 0 0 35 7 0 0 39 19 41 0 900 0 0";

        assertThat(LowestPriority.niceOfStat(stat)).hasValue(19);
    }

    @Test
    void aShortOrBrokenStatLineHasNoNice() {
        assertThat(LowestPriority.niceOfStat("4242 (reader) S 1 2")).isEmpty();
        assertThat(LowestPriority.niceOfStat("no command name here")).isEmpty();
        assertThat(LowestPriority.niceOfStat("1 (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 zero 1")).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theCallingThreadAloneIsLowered() throws Exception {
        Path caller = Path.of("/proc/thread-self").toRealPath();
        int callerNice = LowestPriority.niceOf(caller).orElseThrow();
        CompletableFuture<Path> loweredTask = new CompletableFuture<>();
        CountDownLatch checked = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                Path self = Path.of("/proc/thread-self").toRealPath();
                loweredTask.complete(LowestPriority.lowerCallingThread() ? self : null);
                checked.await();
            } catch (Exception e) {
                loweredTask.completeExceptionally(e);
            }
        });
        thread.start();
        try {
            Path lowered = loweredTask.get(30, TimeUnit.SECONDS);

            assertThat(lowered).isNotNull().isNotEqualTo(caller);
            assertThat(LowestPriority.niceOf(lowered)).hasValue(LowestPriority.NICE);
            assertThat(LowestPriority.niceOf(caller)).hasValue(callerNice);
        } finally {
            checked.countDown();
            thread.join();
        }
    }
}
