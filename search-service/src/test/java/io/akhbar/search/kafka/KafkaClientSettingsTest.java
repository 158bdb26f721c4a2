package io.akhbar.search.kafka;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientSettingsTest {

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("spring.cloud.stream.kafka.binder.brokers", "kafka-1,kafka-2:9093")
            .withProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol", "SASL_SSL")
            .withProperty("spring.cloud.stream.kafka.binder.configuration.sasl.mechanism", "SCRAM-SHA-512")
            .withProperty("spring.cloud.stream.kafka.binder.consumer-properties.group.id", "search-service")
            .withProperty("spring.cloud.stream.kafka.binder.consumer-properties.max.poll.records", "500")
            .withProperty("spring.cloud.stream.kafka.binder.producer-properties.linger.ms", "5");

    @Test
    void everyClientReachesTheBindersBrokersAsTheBindingsDo() {
        var settings = KafkaClientSettings.of(environment);

        for (var config : List.of(settings.consumer(), settings.producer(), settings.admin())) {
            // A broker given without its port gets the binder's default one, as for the bindings.
            assertThat(config.get("bootstrap.servers").toString()).isEqualTo("kafka-1:9092,kafka-2:9093");
            assertThat(config).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        }
        assertThat(settings.consumer()).containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1)
                .doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG);
        assertThat(settings.producer()).containsEntry("linger.ms", "5");
        assertThat(settings.admin()).doesNotContainKeys(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                AdminClientConfig.CLIENT_ID_CONFIG);
    }

    @Test
    void eachCallerGetsAMapOfItsOwn() {
        var settings = KafkaClientSettings.of(environment);

        settings.consumer().put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);

        assertThat(settings.consumer()).containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    }
}
