package io.akhbar.search.admin;

import io.akhbar.search.kafka.KafkaClientSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdminKafkaTest {

    @Test
    void clientsUseTheBindersBrokersAndSecurityButReadWithoutAGroup() {
        var environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.kafka.binder.brokers", "kafka-1:9093,kafka-2:9093")
                .withProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol", "SASL_SSL")
                .withProperty("spring.cloud.stream.kafka.binder.configuration.sasl.mechanism", "PLAIN")
                .withProperty("spring.cloud.stream.kafka.binder.consumer-properties.group.id", "search-service")
                .withProperty("spring.cloud.stream.kafka.binder.consumer-properties.key.deserializer",
                        "org.apache.kafka.common.serialization.StringDeserializer");
        var settings = KafkaClientSettings.of(environment);

        var consumer = AdminKafka.consumerConfig(settings.consumer(), Duration.ofSeconds(3));
        var producer = AdminKafka.producerConfig(settings.producer(), Duration.ofSeconds(3));

        for (var config : List.of(consumer, producer)) {
            assertThat(config.get("bootstrap.servers").toString()).isEqualTo("kafka-1:9093,kafka-2:9093");
            assertThat(config).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN");
        }
        assertThat(consumer).doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000)
                .containsEntry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        assertThat(producer).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000L);
    }
}
