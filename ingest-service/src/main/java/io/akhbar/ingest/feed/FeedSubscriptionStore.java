package io.akhbar.ingest.feed;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Subscriptions live in a compacted topic, the only store ingest needs: key = feed id, value = the subscription as
 * JSON, a tombstone on unsubscribe. A reader thread replays the topic from its beginning into the
 * {@link FeedRegistry} at start-up and then keeps following it, so an instance also sees what another one wrote.
 * While Kafka is unreachable it retries with growing pauses; the API answers 503 until the replay is complete.
 */
@Component
class FeedSubscriptionStore implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedSubscriptionStore.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final FeedProperties properties;
    private final FeedRegistry registry;
    private final JsonMapper json;
    private final Map<String, String> clientSettings;
    private final CountDownLatch stopping = new CountDownLatch(1);

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private Thread reader;

    FeedSubscriptionStore(FeedProperties properties, FeedRegistry registry, JsonMapper json, Environment environment) {
        this.properties = properties;
        this.registry = registry;
        this.json = json;
        // The binder's common client settings (SASL, TLS), so that these plain clients reach a secured broker too.
        this.clientSettings = Binder.get(environment).bind("spring.cloud.stream.kafka.binder.configuration",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    }

    /** Returns once Kafka has the subscription, and the registry shows it. */
    void save(FeedSubscription feed) throws StoreUnavailableException {
        write(feed.id(), json.writeValueAsBytes(feed), feed);
    }

    void delete(String id) throws StoreUnavailableException {
        write(id, null, null);
    }

    private void write(String id, byte[] value, FeedSubscription feed) throws StoreUnavailableException {
        try {
            long offset = producer.send(new ProducerRecord<>(properties.subscriptionsTopic(), id, value))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
            registry.apply(id, feed, offset);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new StoreUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(e);
        }
    }

    @Override
    public void start() {
        producer = new KafkaProducer<>(producerProperties());
        running = true;
        reader = new Thread(this::follow, "akhbar-feed-subscriptions");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void stop() {
        running = false;
        stopping.countDown();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            reader.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void follow() {
        Duration pause = Duration.ofSeconds(1);
        while (running) {
            try (Admin admin = Admin.create(adminProperties());
                 KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProperties())) {
                consumer = kafka;
                ensureTopic(admin);
                List<TopicPartition> partitions = kafka.partitionsFor(properties.subscriptionsTopic(), Duration.ofSeconds(10))
                        .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = kafka.endOffsets(partitions, Duration.ofSeconds(10));
                while (running && partitions.stream().anyMatch(tp -> kafka.position(tp) < end.get(tp))) {
                    kafka.poll(Duration.ofMillis(500)).forEach(this::apply);
                }
                if (!registry.loaded()) {
                    log.info("Feed subscriptions loaded from {}: {} feeds", properties.subscriptionsTopic(),
                            registry.all().size());
                }
                registry.markLoaded();
                pause = Duration.ofSeconds(1);
                while (running) {
                    kafka.poll(Duration.ofSeconds(1)).forEach(this::apply);
                }
            } catch (WakeupException stopped) {
                return;
            } catch (RuntimeException | ExecutionException | TimeoutException e) {
                if (!running) {
                    return;
                }
                log.warn("Cannot read feed subscriptions from {} ({}); retrying in {}", properties.subscriptionsTopic(),
                        e.toString(), pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                consumer = null;
            }
            try {
                if (stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : pause.multipliedBy(2);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            registry.apply(record.key(), null, record.offset());
            return;
        }
        try {
            registry.apply(record.key(), json.readValue(record.value(), FeedSubscription.class), record.offset());
        } catch (JacksonException e) {
            log.warn("Skipping unreadable subscription {} at offset {}: {}", record.key(), record.offset(), e.getOriginalMessage());
        }
    }

    private void ensureTopic(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        if (CompactedTopic.ensure(admin, properties.subscriptionsTopic(), properties.replicationFactor())) {
            log.info("Created compacted topic {}", properties.subscriptionsTopic());
        }
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> config = new HashMap<>();
        config.putAll(clientSettings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.brokers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "akhbar-feed-subscriptions");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    private Map<String, Object> adminProperties() {
        Map<String, Object> config = new HashMap<>(clientSettings);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.brokers());
        return config;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> config = new HashMap<>();
        config.putAll(clientSettings);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.brokers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "akhbar-feed-subscriptions-reader");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    static final class StoreUnavailableException extends Exception {
        StoreUnavailableException(Throwable cause) {
            super("Kafka did not acknowledge the subscription change", cause);
        }
    }
}
