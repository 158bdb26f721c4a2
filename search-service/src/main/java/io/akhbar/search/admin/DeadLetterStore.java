package io.akhbar.search.admin;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads dead-letter topics with a throwaway consumer per request, by assign and seek: no consumer group, no commits,
 * so reading changes nothing and any instance can answer. Pages run topic by topic (in the configured order), then
 * partition by partition, then by offset; the last id of a page is where the next one starts.
 */
@Component
class DeadLetterStore {

    private static final Duration POLL = Duration.ofMillis(200);

    private final AdminKafka kafka;

    DeadLetterStore(AdminKafka kafka) {
        this.kafka = kafka;
    }

    /** @param next the {@code after} of the following page, null on the last page */
    record Page(List<DeadLetter> items, DeadLetterId next) {
    }

    /**
     * Up to {@code limit} dead letters of the topics, after {@code after} (exclusive, null for the start) and no older
     * than {@code since} (null for all).
     */
    Page page(List<String> topics, DeadLetterId after, Instant since, int limit) {
        Deadline deadline = Deadline.in(kafka.timeout());
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, deadline.remaining()).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .sorted(Comparator.comparingInt(TopicPartition::partition))
                        .forEach(partitions::add);
            }
            if (partitions.isEmpty()) {
                return new Page(List.of(), null);
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, deadline.remaining());
            Map<TopicPartition, Long> starts = starts(consumer, partitions, topics, after, since, deadline);
            // Assigned once and read one at a time by pausing the others: reassigning per partition would drop the
            // fetches in flight.
            consumer.assign(partitions);
            consumer.pause(partitions);
            List<DeadLetter> items = new ArrayList<>();
            boolean more = false;
            for (TopicPartition partition : partitions) {
                long start = starts.get(partition);
                long end = ends.get(partition);
                if (start >= end) {
                    continue;
                }
                if (items.size() == limit) {
                    more = true;
                    break;
                }
                long next = read(consumer, partition, start, end, limit - items.size(), deadline, items);
                if (next < end) {
                    more = true;
                    break;
                }
            }
            return new Page(items, more && !items.isEmpty() ? items.get(items.size() - 1).id() : null);
        } catch (KafkaException e) {
            throw unavailable(e);
        }
    }

    Optional<DeadLetter> find(DeadLetterId id) {
        Deadline deadline = Deadline.in(kafka.timeout());
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(id.topic(), deadline.remaining());
            if (partitions.stream().noneMatch(info -> info.partition() == id.partition())) {
                return Optional.empty();
            }
            TopicPartition partition = id.topicPartition();
            long begin = consumer.beginningOffsets(List.of(partition), deadline.remaining()).get(partition);
            long end = consumer.endOffsets(List.of(partition), deadline.remaining()).get(partition);
            if (id.offset() < begin || id.offset() >= end) {
                return Optional.empty();
            }
            List<DeadLetter> found = new ArrayList<>(1);
            consumer.assign(List.of(partition));
            read(consumer, partition, id.offset(), end, 1, deadline, found);
            return found.stream().filter(d -> d.id().equals(id)).findFirst();
        } catch (KafkaException e) {
            throw unavailable(e);
        }
    }

    private static Map<TopicPartition, Long> starts(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            List<String> topics, DeadLetterId after, Instant since, Deadline deadline) {
        Map<TopicPartition, Long> starts = new HashMap<>(consumer.beginningOffsets(partitions, deadline.remaining()));
        if (since != null) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(partition -> query.put(partition, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, deadline.remaining());
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, deadline.remaining());
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp first = found.get(partition);
                starts.merge(partition, first == null ? ends.get(partition) : first.offset(), Math::max);
            }
        }
        if (after != null) {
            for (TopicPartition partition : partitions) {
                int order = compare(topics, partition, after);
                if (order < 0) {
                    starts.put(partition, Long.MAX_VALUE);
                } else if (order == 0) {
                    starts.merge(partition, after.offset() + 1, Math::max);
                }
            }
        }
        return starts;
    }

    /** Where a partition stands against the partition of {@code after}, in page order. */
    private static int compare(List<String> topics, TopicPartition partition, DeadLetterId after) {
        int byTopic = Integer.compare(topics.indexOf(partition.topic()), topics.indexOf(after.topic()));
        return byTopic != 0 ? byTopic : Integer.compare(partition.partition(), after.partition());
    }

    /**
     * Adds up to {@code wanted} records of [start, end) of an assigned partition to {@code into}, pausing it again
     * afterwards; answers the offset to read next.
     */
    private static long read(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long start, long end,
            int wanted, Deadline deadline, List<DeadLetter> into) {
        consumer.seek(partition, start);
        consumer.resume(List.of(partition));
        try {
            return readResumed(consumer, partition, start, end, wanted, deadline, into);
        } finally {
            consumer.pause(List.of(partition));
        }
    }

    private static long readResumed(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long start,
            long end, int wanted, Deadline deadline, List<DeadLetter> into) {
        long next = start;
        int added = 0;
        while (added < wanted && next < end) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(deadline.poll(POLL)).records(partition)) {
                if (record.offset() >= end || added == wanted) {
                    break;
                }
                into.add(DeadLetter.of(record));
                added++;
                next = record.offset() + 1;
            }
            if (added < wanted) {
                // Offsets may have gaps (compaction, transaction markers): the position says how far the partition was read.
                next = Math.max(next, consumer.position(partition, deadline.remaining()));
            }
        }
        return next;
    }

    static KafkaUnavailableException unavailable(KafkaException e) {
        return new KafkaUnavailableException("Kafka is not reachable: " + e.getMessage(), e);
    }
}
