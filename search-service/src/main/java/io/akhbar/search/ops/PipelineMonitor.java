package io.akhbar.search.ops;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.akhbar.search.indexing.ArticleIndex;
import io.akhbar.search.kafka.KafkaClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Samples the pipeline from the outside, as an operator would: topic end offsets (what each stage received),
 * committed offsets of each consumer group (how far it got), the age of the oldest unconsumed record, and the
 * cluster. Kafka is the source of truth for every stage, so one service can report all three without calling them.
 */
@Component
class PipelineMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PipelineMonitor.class);
    private static final Map<String, Duration> WINDOWS = Map.of("1m", Duration.ofMinutes(1), "5m",
            Duration.ofMinutes(5), "15m", Duration.ofMinutes(15));

    private final OpsProperties properties;
    private final KafkaClientSettings kafka;
    private final ElasticsearchClient elasticsearch;
    private final ArticleIndex index;
    private final MeterRegistry meters;
    private final FeedHealthFollower feedHealth;
    private final Clock clock;
    private final Map<String, RateWindow> rates = new ConcurrentHashMap<>();
    private final AtomicReference<PipelineSummary> latest = new AtomicReference<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pipeline-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private Admin admin;
    private KafkaConsumer<byte[], byte[]> peeker;

    PipelineMonitor(OpsProperties properties, KafkaClientSettings kafka, ElasticsearchClient elasticsearch,
            ArticleIndex index, MeterRegistry meters, FeedHealthFollower feedHealth, Clock clock) {
        this.feedHealth = feedHealth;
        this.properties = properties;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.index = index;
        this.meters = meters;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long interval = properties.sampleInterval().toMillis();
        sampler.scheduleWithFixedDelay(this::sampleQuietly, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** The last sample (taken now when none exists yet), with the feeds' health as it is now. */
    PipelineSummary summary() {
        PipelineSummary summary = latest.get();
        if (summary == null) {
            try {
                summary = sampler.submit(this::sample).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("pipeline could not be sampled: " + e.getMessage(), e);
            }
        }
        return summary.withFeeds(feedHealth.feeds());
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            log.warn("Pipeline sample failed: {}", e.toString());
        }
    }

    private PipelineSummary sample() {
        Instant now = clock.instant();
        List<PipelineSummary.StageSummary> stages = new ArrayList<>();
        for (OpsProperties.Stage stage : properties.stages()) {
            stages.add(stage(stage, now));
        }
        Map<String, Long> deadLetters = new LinkedHashMap<>();
        for (String topic : properties.deadLetterTopics()) {
            deadLetters.put(topic, safeEndOffsets(topic).values().stream().mapToLong(Long::longValue).sum());
        }
        PipelineSummary.ElasticsearchSummary cluster = elasticsearch();
        boolean healthy = stages.stream().allMatch(PipelineSummary.StageSummary::healthy)
                && cluster.problem() == null && !"red".equals(cluster.status());
        var summary = new PipelineSummary(now, stages, deadLetters, freshness(), cluster, healthy ? "ok" : "degraded",
                List.of());
        latest.set(summary);
        return summary;
    }

    private PipelineSummary.StageSummary stage(OpsProperties.Stage stage, Instant now) {
        try {
            Map<TopicPartition, Long> ends = endOffsets(stage.topic());
            long records = ends.values().stream().mapToLong(Long::longValue).sum();
            RateWindow window = rates.computeIfAbsent(stage.name(), name -> new RateWindow());
            window.add(now, records);
            Map<String, Double> perSecond = new LinkedHashMap<>();
            for (String name : List.of("1m", "5m", "15m")) {
                perSecond.put(name, round(window.perSecond(WINDOWS.get(name))));
            }
            long lag = 0;
            double lagSeconds = 0;
            if (stage.group() != null) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(stage.group())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    long position = offset == null ? 0 : offset.offset();
                    if (end.getValue() > position) {
                        lag += end.getValue() - position;
                        lagSeconds = Math.max(lagSeconds, ageOfRecordAt(end.getKey(), position, now));
                    }
                }
            }
            boolean healthy = lag <= properties.laggingRecords();
            return new PipelineSummary.StageSummary(stage.name(), stage.topic(), stage.group(), records, perSecond,
                    lag, round(lagSeconds), healthy, healthy ? null : "lagging by " + lag + " records");
        } catch (Exception e) {
            return new PipelineSummary.StageSummary(stage.name(), stage.topic(), stage.group(), 0, Map.of(), 0, 0,
                    false, "cannot read Kafka: " + e.getMessage());
        }
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        var description = admin().describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin().listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** A dead-letter topic that does not exist yet simply holds nothing. */
    private Map<TopicPartition, Long> safeEndOffsets(String topic) {
        try {
            return endOffsets(topic);
        } catch (Exception e) {
            return Map.of();
        }
    }

    private double ageOfRecordAt(TopicPartition partition, long offset, Instant now) {
        KafkaConsumer<byte[], byte[]> consumer = peeker();
        consumer.assign(List.of(partition));
        consumer.seek(partition, offset);
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500)).records(partition)) {
            return Math.max(0, now.toEpochMilli() - record.timestamp()) / 1000.0;
        }
        return 0;
    }

    private PipelineSummary.Freshness freshness() {
        Timer timer = meters.find("akhbar.freshness").timer();
        if (timer == null || timer.count() == 0) {
            return new PipelineSummary.Freshness(0, 0, 0, 0);
        }
        HistogramSnapshot snapshot = timer.takeSnapshot();
        return new PipelineSummary.Freshness(snapshot.count(), quantile(snapshot, 0.5), quantile(snapshot, 0.95),
                quantile(snapshot, 0.99));
    }

    /** The upper bound of the histogram bucket holding the quantile: what Prometheus' histogram_quantile reads too. */
    static double quantile(HistogramSnapshot snapshot, double q) {
        double wanted = q * snapshot.count();
        for (CountAtBucket bucket : snapshot.histogramCounts()) {
            if (bucket.count() >= wanted) {
                return round(bucket.bucket(TimeUnit.SECONDS));
            }
        }
        return round(snapshot.max(TimeUnit.SECONDS));
    }

    private PipelineSummary.ElasticsearchSummary elasticsearch() {
        try {
            String status = elasticsearch.cluster().health().status().jsonValue();
            long documents = elasticsearch.indices().existsAlias(a -> a.name(index.alias())).value()
                    ? elasticsearch.count(c -> c.index(index.alias())).count()
                    : 0;
            return new PipelineSummary.ElasticsearchSummary(status, documents, null);
        } catch (Exception e) {
            return new PipelineSummary.ElasticsearchSummary("unreachable", 0, e.getMessage());
        }
    }

    private Admin admin() {
        if (admin == null) {
            // The API timeout may not be shorter than the request timeout, or the client refuses to start.
            Map<String, Object> config = kafka.admin();
            config.putAll(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
            admin = Admin.create(config);
        }
        return admin;
    }

    private KafkaConsumer<byte[], byte[]> peeker() {
        if (peeker == null) {
            Map<String, Object> config = kafka.consumer();
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
            peeker = new KafkaConsumer<>(config);
        }
        return peeker;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
        if (peeker != null) {
            peeker.close(Duration.ofSeconds(2));
        }
    }
}
