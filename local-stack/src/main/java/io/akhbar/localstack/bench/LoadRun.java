package io.akhbar.localstack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: each client sends its next request as soon as the previous one is answered. The first
 * {@code warmup} is not recorded; then every answer's latency is, as seen by the client (its own HTTP handling
 * included, which is the same for both targets).
 */
final class LoadRun {

    interface Request {
        BenchHttp.Response send(int client, long iteration) throws Exception;
    }

    /**
     * @param serverTime as the server reports it in its answer (Elasticsearch's {@code took}), when asked for
     */
    record Result(Latencies.Summary latency, Latencies.Summary serverTime, long errors, double perSecond,
                  String firstError) {
    }

    /** The server's own time for a request, in nanoseconds, or -1 when its answer does not tell. */
    interface ServerTime {
        long nanos(BenchHttp.Response response);
    }

    private LoadRun() {
    }

    static Result run(int clients, Duration warmup, Duration duration, Request request) throws InterruptedException {
        return run(clients, warmup, duration, request, null);
    }

    static Result run(int clients, Duration warmup, Duration duration, Request request, ServerTime serverTime)
            throws InterruptedException {
        Recording recording = new Recording(clients, serverTime);
        recording.run(warmup, duration, request);
        return recording.result();
    }

    /**
     * The samples of one target over one or more runs of its clients: two targets that take turns each add their own
     * runs, so that a machine that gets faster or slower during the measurement (JIT compilers still at work, caches
     * filling) weighs on both alike.
     */
    static final class Recording {
        private final int clients;
        private final ServerTime serverTime;
        private final List<Latencies> recorders = new ArrayList<>();
        private final List<Latencies> serverRecorders = new ArrayList<>();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicReference<String> firstError = new AtomicReference<>();
        private long measuredNanos;

        Recording(int clients, ServerTime serverTime) {
            this.clients = clients;
            this.serverTime = serverTime;
            for (int i = 0; i < clients; i++) {
                recorders.add(new Latencies());
                serverRecorders.add(new Latencies());
            }
        }

        /** Runs the clients for {@code warmup + duration}, recording the answers of the last {@code duration}. */
        void run(Duration warmup, Duration duration, Request request) throws InterruptedException {
            long measureFrom = System.nanoTime() + warmup.toNanos();
            long end = measureFrom + duration.toNanos();
            Parallel.run(clients, "akhbar-bench-client-", client -> {
                Latencies mine = recorders.get(client);
                Latencies mineOnServer = serverRecorders.get(client);
                for (long iteration = 0; ; iteration++) {
                    long started = System.nanoTime();
                    if (started >= end) {
                        return;
                    }
                    String error = null;
                    long onServer = -1;
                    try {
                        BenchHttp.Response response = request.send(client, iteration);
                        if (!response.isSuccessful()) {
                            error = "HTTP " + response.status() + " " + response.excerpt();
                        } else if (serverTime != null) {
                            onServer = serverTime.nanos(response);
                        }
                    } catch (java.io.IOException e) {
                        error = e.toString();
                    }
                    long took = System.nanoTime() - started;
                    if (started >= measureFrom) {
                        if (error == null) {
                            mine.record(took);
                            if (onServer >= 0) {
                                mineOnServer.record(onServer);
                            }
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, error);
                        }
                    }
                }
            });
            measuredNanos += duration.toNanos();
        }

        Result result() {
            Latencies.Summary summary = Latencies.summarize(recorders);
            return new Result(summary, Latencies.summarize(serverRecorders), errors.get(),
                    measuredNanos == 0 ? 0 : summary.count() / (measuredNanos / 1e9), firstError.get());
        }
    }
}
