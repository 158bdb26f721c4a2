package io.akhbar.localstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * Writes and reads topics directly, as a test or the demo sees the broker: records are sent synchronously, and
 * {@link #read} returns everything a topic has received so far, from its beginning.
 */
public final class KafkaProbe implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, TopicReader> readers = new HashMap<>();

    public KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(properties);
    }

    public void send(String topic, String key, byte[] value, Map<String, String> headers) {
        var record = new ProducerRecord<String, byte[]>(topic, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while sending to " + topic, e);
        } catch (ExecutionException e) {
            throw new LocalStackException("could not send to " + topic, e.getCause());
        }
    }

    /** Everything received on the topic so far; cheap to call repeatedly from an Awaitility condition. */
    public synchronized List<ConsumerRecord<String, byte[]>> read(String topic) {
        return readers.computeIfAbsent(topic, TopicReader::new).poll();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        producer.close(Duration.ofSeconds(5));
        readers.values().forEach(TopicReader::close);
        readers.clear();
    }

    private final class TopicReader {

        private final String topic;
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

        TopicReader(String topic) {
            this.topic = topic;
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            // Reading must not create the topic: its owner provisions it with the partitions it wants.
            properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
            this.consumer = new KafkaConsumer<>(properties);
        }

        List<ConsumerRecord<String, byte[]>> poll() {
            // Partitions are (re)assigned on each call: a topic may not exist yet, or gain partitions.
            var partitions = consumer.partitionsFor(topic, Duration.ofMillis(500)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (!partitions.isEmpty() && !consumer.assignment().containsAll(partitions)) {
                Map<TopicPartition, Long> positions = new HashMap<>();
                consumer.assignment().forEach(tp -> positions.put(tp, consumer.position(tp)));
                consumer.assign(partitions);
                partitions.forEach(tp -> {
                    if (positions.containsKey(tp)) {
                        consumer.seek(tp, positions.get(tp));
                    } else {
                        consumer.seekToBeginning(List.of(tp));
                    }
                });
            }
            if (!consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
            return List.copyOf(received);
        }

        void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
