package io.akhbar.search.admin;

import io.akhbar.search.kafka.KafkaClientSettings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterStoreTest {

    @Test
    void anUnreachableBrokerIsReportedWithinTheTimeout() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.kafka.binder.brokers", "127.0.0.1:" + closedPort);
        var properties = new AdminProperties(Duration.ofSeconds(1), new AdminProperties.DeadLetters(
                List.of("articles.raw.dlq"), List.of("articles.raw"), "dead-letters.replays", 50, 500, 1000, 2048, 8));
        var kafka = new AdminKafka(KafkaClientSettings.of(environment), properties);
        var store = new DeadLetterStore(kafka);

        long started = System.nanoTime();
        assertThatThrownBy(() -> store.page(List.of("articles.raw.dlq"), null, null, 10))
                .isInstanceOf(KafkaUnavailableException.class);
        assertThatThrownBy(() -> store.find(new DeadLetterId("articles.raw.dlq", 0, 0)))
                .isInstanceOf(KafkaUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
}
