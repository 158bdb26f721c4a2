package io.akhbar.localstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The same work on a few threads at once, for clients that must keep several requests in flight. */
final class Parallel {

    interface Work {
        /** @param worker 0 to threads - 1 */
        void run(int worker) throws Exception;
    }

    private Parallel() {
    }

    /** Runs {@code work} on {@code threads} threads and waits for all; the first failure is rethrown. */
    static void run(int threads, String namePrefix, Work work) throws InterruptedException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int worker = i;
            Thread thread = new Thread(() -> {
                try {
                    work.run(worker);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, namePrefix + i);
            thread.setDaemon(true);
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get().getMessage(), failure.get());
        }
    }
}
