package io.akhbar.search.ops;

import io.akhbar.contracts.FeedHealthReport;
import io.akhbar.search.kafka.KafkaClientSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the latest health report of every feed, read from the compacted topic ingest writes them to. Like ingest's
 * subscription store it is a plain consumer without a group: it replays the topic from the beginning on start (the
 * compacted topic holds one record per feed) and then follows it; every instance sees every feed. Until ingest has
 * created the topic it waits, retrying with growing pauses.
 */
@Component
class FeedHealthFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedHealthFollower.class);

    private final String topic;
    private final KafkaClientSettings kafka;
    private final JsonMapper json;
    private final Map<String, FeedHealthReport> feeds = new ConcurrentHashMap<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread reader;

    FeedHealthFollower(OpsProperties properties, KafkaClientSettings kafka, JsonMapper json) {
        this.topic = properties.feedHealthTopic();
        this.kafka = kafka;
        this.json = json;
    }

    /** Every feed's last report, by URL. */
    List<FeedHealthReport> feeds() {
        return feeds.values().stream().sorted(Comparator.comparing(FeedHealthReport::url)).toList();
    }

    /** A tombstone (null value) means the feed was unsubscribed. */
    void apply(String key, byte[] value) {
        if (key == null) {
            return;
        }
        if (value == null) {
            feeds.remove(key);
            return;
        }
        try {
            feeds.put(key, json.readValue(value, FeedHealthReport.class));
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("Skipping unreadable health report of feed {} on {}: {}", key, topic, e.getMessage());
        }
    }

    @Override
    public void start() {
        running = true;
        reader = new Thread(this::follow, "akhbar-feed-health");
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
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void follow() {
        Duration pause = Duration.ofSeconds(1);
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProperties())) {
                consumer = kafka;
                List<PartitionInfo> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(10));
                if (partitions != null && !partitions.isEmpty()) {
                    List<TopicPartition> assigned = partitions.stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                    kafka.assign(assigned);
                    kafka.seekToBeginning(assigned);
                    pause = Duration.ofSeconds(1);
                    while (running) {
                        for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofSeconds(1))) {
                            apply(record.key(), record.value());
                        }
                    }
                }
            } catch (WakeupException stopped) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Cannot read feed health from {} ({}); retrying in {}", topic, e.toString(), pause);
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

    private Map<String, Object> consumerProperties() {
        Map<String, Object> config = kafka.consumer();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "akhbar-feed-health-reader");
        // Ingest creates the topic, compacted; a reader must never create it with the broker's defaults.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }
}
