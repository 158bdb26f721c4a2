package io.akhbar.search.admin;

import io.akhbar.search.kafka.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka clients for the admin API, configured like the binder's own ({@link KafkaClientSettings}), so that
 * credentials given to the binder apply here too. Every call is bounded by
 * {@code akhbar.admin.kafka-timeout}: an admin request never hangs on a missing broker.
 */
@Component
class AdminKafka implements DisposableBean {

    private final KafkaClientSettings settings;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final Duration timeout;
    private KafkaProducer<byte[], byte[]> producer;

    AdminKafka(KafkaClientSettings settings, AdminProperties properties) {
        this.settings = settings;
        this.timeout = properties.kafkaTimeout();
        this.consumerConfig = consumerConfig(settings.consumer(), timeout);
        this.producerConfig = producerConfig(settings.producer(), timeout);
    }

    /** Reads by assign and seek: no group, nothing committed, nothing created. */
    static Map<String, Object> consumerConfig(Map<String, Object> settings, Duration timeout) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "akhbar-admin-reader");
        return config;
    }

    /** Replays are acknowledged by all in-sync replicas and written once, like ingest's records. */
    static Map<String, Object> producerConfig(Map<String, Object> settings, Duration timeout) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A dead letter can be as large as the largest enriched record (see nlp-service's producer).
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4_194_304);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "akhbar-admin-replay");
        return config;
    }

    Duration timeout() {
        return timeout;
    }

    /** A new consumer; the caller closes it. */
    KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(consumerConfig);
    }

    /** A new admin client; the caller closes it. */
    Admin admin() {
        Map<String, Object> config = settings.admin();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return Admin.create(config);
    }

    /** The one replay producer, made on first use: most instances never replay anything. */
    synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig);
        }
        return producer;
    }

    Map<String, Object> consumerConfig() {
        return consumerConfig;
    }

    @Override
    public synchronized void destroy() {
        if (producer != null) {
            producer.close(timeout);
        }
    }
}
