package io.akhbar.guard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private TokenBuckets buckets(double perSecond, int burst, int maxClients) {
        return new TokenBuckets(new GuardProperties.Budget(perSecond, burst), maxClients, nanos::get);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aBurstGoesThroughThenTheRateHolds() {
        TokenBuckets limit = buckets(2, 3, 100);

        assertThat(limit.acquire("a")).isZero();
        assertThat(limit.acquire("a")).isZero();
        assertThat(limit.acquire("a")).isZero();
        assertThat(limit.acquire("a")).as("burst spent").isEqualTo(Duration.ofMillis(500));

        advance(Duration.ofMillis(499));
        assertThat(limit.acquire("a")).isEqualTo(Duration.ofMillis(1));
        advance(Duration.ofMillis(1));
        assertThat(limit.acquire("a")).isZero();
        assertThat(limit.acquire("a")).isPositive();
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        TokenBuckets limit = buckets(1, 1, 100);

        assertThat(limit.acquire("a")).isZero();
        assertThat(limit.acquire("a")).isPositive();
        assertThat(limit.acquire("b")).isZero();
    }

    @Test
    void tokensNeverPileUpBeyondTheBurst() {
        TokenBuckets limit = buckets(10, 2, 100);
        limit.acquire("a");

        advance(Duration.ofHours(1));

        assertThat(limit.acquire("a")).isZero();
        assertThat(limit.acquire("a")).isZero();
        assertThat(limit.acquire("a")).isPositive();
    }

    @Test
    void clientsAreForgottenOnceTheirBucketIsFullAgain() {
        TokenBuckets limit = buckets(10, 5, 100);
        for (int i = 0; i < 50; i++) {
            limit.acquire("client-" + i);
        }
        assertThat(limit.clients()).isEqualTo(50);

        advance(Duration.ofMillis(400)); // not yet surely full: 5 tokens take 500 ms from empty
        limit.acquire("client-0");
        assertThat(limit.clients()).isEqualTo(50);

        advance(Duration.ofMillis(100)); // the others are full again now, client-0 is not
        limit.acquire("late");
        assertThat(limit.clients()).isEqualTo(2);
    }

    @Test
    void memoryStaysBoundedUnderManyClientsAtOnce() {
        TokenBuckets limit = buckets(1, 1, 10);
        for (int i = 0; i < 1_000; i++) {
            limit.acquire("client-" + i);
        }

        assertThat(limit.clients()).isEqualTo(10);
        assertThat(limit.acquire("client-999")).as("the most recent client is still remembered").isPositive();
    }
}
