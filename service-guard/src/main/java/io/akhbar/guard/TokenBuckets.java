package io.akhbar.guard;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One token bucket per client: {@code burst} tokens, refilled at {@code requestsPerSecond}; a request takes one.
 * Memory is bounded: a client whose bucket has refilled completely is forgotten (a new bucket would be the same), and
 * beyond {@code maxClients} the least recently seen client is forgotten first.
 */
final class TokenBuckets {

    private final double tokensPerNano;
    private final double burst;
    private final long refillNanos;
    private final int maxClients;
    private final LongSupplier nanoClock;
    /** In access order: the least recently seen client first, which is also the one most likely full again. */
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true);

    TokenBuckets(GuardProperties.Budget budget, int maxClients, LongSupplier nanoClock) {
        this.tokensPerNano = budget.requestsPerSecond() / 1e9;
        this.burst = budget.burst();
        this.refillNanos = (long) Math.ceil(burst / tokensPerNano);
        this.maxClients = maxClients;
        this.nanoClock = nanoClock;
    }

    /** {@link Duration#ZERO} when the request may go ahead, else how long until the client has a token again. */
    synchronized Duration acquire(String client) {
        long now = nanoClock.getAsLong();
        forgetRefilled(now);
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            bucket = new Bucket(burst, now);
            buckets.put(client, bucket);
            if (buckets.size() > maxClients) {
                Iterator<String> eldest = buckets.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.seen) * tokensPerNano);
        bucket.seen = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano));
    }

    synchronized int clients() {
        return buckets.size();
    }

    private void forgetRefilled(long now) {
        Iterator<Map.Entry<String, Bucket>> eldest = buckets.entrySet().iterator();
        while (eldest.hasNext() && now - eldest.next().getValue().seen >= refillNanos) {
            eldest.remove();
        }
    }

    private static final class Bucket {

        double tokens;
        long seen;

        Bucket(double tokens, long seen) {
            this.tokens = tokens;
            this.seen = seen;
        }
    }
}
