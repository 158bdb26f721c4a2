package io.akhbar.ingest.feed;

import io.akhbar.contracts.FeedHealthReport;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Makes feed health outlive this instance's memory: after each poll the feed's health goes to the compacted
 * {@code feeds.health} topic (key = feed id, tombstone on unsubscribe), where search-service's ops summary reads it.
 * Sends are fire-and-forget: a lost report is replaced by the next poll's, and polling must never wait for Kafka.
 */
@Component
class FeedHealthPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FeedHealthPublisher.class);

    private final FeedProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, Sent> lastSent = new ConcurrentHashMap<>();
    private volatile boolean topicReady;
    private KafkaProducer<String, byte[]> producer;

    FeedHealthPublisher(FeedProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** Reports the feed's health unless the last report said the same recently enough. */
    void report(FeedSubscription feed, FeedHealth.View health) {
        Instant now = clock.instant();
        FeedHealthReport report = report(feed, health, now);
        Sent previous = lastSent.get(feed.id());
        if (!worthSending(previous == null ? null : previous.report(), previous == null ? null : previous.at(), report,
                now, properties.healthReportInterval())) {
            return;
        }
        if (send(feed.id(), json.writeValueAsBytes(report))) {
            lastSent.put(feed.id(), new Sent(report, now));
        }
    }

    void removed(String id) {
        lastSent.remove(id);
        send(id, null);
    }

    static FeedHealthReport report(FeedSubscription feed, FeedHealth.View health, Instant now) {
        FeedHealth.LastError error = health.lastError();
        return new FeedHealthReport(feed.id(), feed.url(), feed.source(), health.status(), health.lastSuccessAt(),
                error == null ? null : error.message(), error == null ? null : error.at(), health.articlesPerDay(),
                health.silentSince(), now);
    }

    /**
     * A change of status, error or silence is news and goes out at once; a new success time or rate only after
     * {@code interval}, so that a feed polled every minute does not write a record a minute.
     */
    static boolean worthSending(FeedHealthReport previous, Instant previousAt, FeedHealthReport next, Instant now,
            Duration interval) {
        if (previous == null) {
            return true;
        }
        boolean news = !Objects.equals(previous.status(), next.status())
                || !Objects.equals(previous.lastError(), next.lastError())
                || !Objects.equals(previous.lastErrorAt(), next.lastErrorAt())
                || !Objects.equals(previous.silentSince(), next.silentSince())
                || !Objects.equals(previous.url(), next.url())
                || !Objects.equals(previous.source(), next.source());
        return news || Duration.between(previousAt, now).compareTo(interval) >= 0;
    }

    private synchronized boolean send(String id, byte[] value) {
        try {
            if (!topicReady) {
                try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.brokers()))) {
                    if (CompactedTopic.ensure(admin, properties.healthTopic(), properties.replicationFactor())) {
                        log.info("Created compacted topic {}", properties.healthTopic());
                    }
                }
                topicReady = true;
            }
            if (producer == null) {
                producer = new KafkaProducer<>(producerProperties());
            }
            producer.send(new ProducerRecord<>(properties.healthTopic(), id, value), (metadata, e) -> {
                if (e != null) {
                    log.warn("Health of feed {} not reported to {}: {}", id, properties.healthTopic(), e.toString());
                    lastSent.remove(id);
                }
            });
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Health of feed {} not reported to {}: {}", id, properties.healthTopic(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.brokers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "akhbar-feed-health");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A poller thread sends this: with Kafka away it gives up after a second rather than hold up polling.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    @Override
    public synchronized void destroy() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private record Sent(FeedHealthReport report, Instant at) {
    }
}
