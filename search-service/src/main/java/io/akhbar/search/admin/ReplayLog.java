package io.akhbar.search.admin;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Which dead letters were replayed, kept where every instance sees it and nothing is lost on restart: a compacted
 * topic keyed by dead-letter id, whose latest value is the latest replay. Kafka cannot delete a dead letter, and
 * nothing here tries to: the list shows it as replayed instead.
 */
@Component
class ReplayLog implements DisposableBean {

    /** The latest replay of one dead letter: where the record went and how often it was re-sent. */
    record Replay(String id, Instant replayedAt, String topic, int partition, long offset, int times) {
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final AdminKafka kafka;
    private final JsonMapper json;
    private final String topic;
    private final Map<String, Replay> replays = new HashMap<>();
    private KafkaConsumer<byte[], byte[]> consumer;
    private boolean topicCreated;

    ReplayLog(AdminKafka kafka, JsonMapper json, AdminProperties properties) {
        this.kafka = kafka;
        this.json = json;
        this.topic = properties.deadLetters().replaysTopic();
    }

    /** Every replay so far, read up to the end of the topic. */
    synchronized Map<String, Replay> current() {
        Deadline deadline = Deadline.in(kafka.timeout());
        try {
            catchUp(deadline);
            return Map.copyOf(replays);
        } catch (KafkaException | ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("replays could not be read from " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while reading " + topic, e);
        }
    }

    /** Writes a replay, acknowledged by all in-sync replicas, before the replay is reported done. */
    synchronized void record(Replay replay) throws ExecutionException, InterruptedException, TimeoutException {
        Deadline deadline = Deadline.in(kafka.timeout());
        ensureTopic(deadline);
        byte[] value = json.writeValueAsBytes(replay);
        kafka.producer().send(new ProducerRecord<>(topic, replay.id().getBytes(StandardCharsets.UTF_8), value))
                .get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        replays.put(replay.id(), replay);
    }

    private void catchUp(Deadline deadline) throws ExecutionException, InterruptedException, TimeoutException {
        ensureTopic(deadline);
        if (consumer == null) {
            KafkaConsumer<byte[], byte[]> created = kafka.consumer();
            try {
                List<TopicPartition> partitions = created.partitionsFor(topic, deadline.remaining()).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                created.assign(partitions);
                created.seekToBeginning(partitions);
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            consumer = created;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), deadline.remaining());
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey(), deadline.remaining()) < end.getValue())) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(deadline.poll(POLL))) {
                String id = new String(record.key(), StandardCharsets.UTF_8);
                if (record.value() == null) {
                    replays.remove(id);
                } else {
                    replays.put(id, json.readValue(record.value(), Replay.class));
                }
            }
        }
    }

    /** The topic is made compacted on first use; the binder does not know it, and an auto-created one would not be. */
    private void ensureTopic(Deadline deadline) throws ExecutionException, InterruptedException, TimeoutException {
        if (topicCreated) {
            return;
        }
        Admin admin = kafka.admin();
        try {
            var newTopic = new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(newTopic)).all().get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
        topicCreated = true;
    }

    @Override
    public synchronized void destroy() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(1));
        }
    }
}
