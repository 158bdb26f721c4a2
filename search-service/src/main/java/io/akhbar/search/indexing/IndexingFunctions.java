package io.akhbar.search.indexing;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.DeadLetterHeaders;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The batch binding {@code index-in-0} (articles.enriched). Records arrive as bytes so that one unreadable record is
 * dead-lettered alone instead of failing the conversion of its whole batch.
 */
@Configuration(proxyBeanMethods = false)
class IndexingFunctions {

    @Bean
    Consumer<Message<List<byte[]>>> index(ArticleBatchIndexer indexer) {
        return message -> indexer.index(records(message));
    }

    /**
     * Never give up on a batch while Elasticsearch is away: the handler retries it with growing pauses, keeping the
     * consumer in its group (it pauses the partitions and keeps polling) and committing nothing until the bulk succeeds.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryBatchesForever() {
        return (container, destination, group) -> {
            var backOff = new ExponentialBackOff(500, 2.0);
            backOff.setMaxInterval(30_000);
            container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        };
    }

    static List<IncomingRecord> records(Message<List<byte[]>> message) {
        MessageHeaders headers = message.getHeaders();
        List<byte[]> payloads = message.getPayload();
        List<?> topics = list(headers, KafkaHeaders.RECEIVED_TOPIC);
        List<?> partitions = list(headers, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(headers, KafkaHeaders.OFFSET);
        List<?> recordHeaders = list(headers, KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<?> keys = list(headers, KafkaHeaders.RECEIVED_KEY);
        List<?> timestamps = list(headers, KafkaHeaders.RECEIVED_TIMESTAMP);
        List<?> timestampTypes = list(headers, KafkaHeaders.TIMESTAMP_TYPE);
        List<IncomingRecord> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Object converted = at(recordHeaders, i);
            records.add(new IncomingRecord(
                    payloads.get(i),
                    (String) at(topics, i),
                    (Integer) at(partitions, i),
                    (Long) at(offsets, i),
                    ingestedAt(converted),
                    ArticleHeaders.text(at(keys, i)),
                    header(converted, ArticleHeaders.TRACE_ID),
                    at(timestamps, i) instanceof Long timestamp ? timestamp : null,
                    DeadLetterHeaders.timestampType(at(timestampTypes, i)),
                    recordHeaders(converted)));
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recordHeaders(Object converted) {
        return converted instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(MessageHeaders headers, String name) {
        return headers.get(name) instanceof List<?> values ? values : List.of();
    }

    private static Object at(List<?> values, int index) {
        return index < values.size() ? values.get(index) : null;
    }

    private static String header(Object recordHeaders, String name) {
        return recordHeaders instanceof Map<?, ?> map ? ArticleHeaders.text(map.get(name)) : null;
    }

    private static Long ingestedAt(Object recordHeaders) {
        if (!(recordHeaders instanceof Map<?, ?> map)) {
            return null;
        }
        Object value = map.get(ArticleHeaders.INGESTED_AT);
        try {
            if (value instanceof Number number) {
                return number.longValue();
            }
            if (value instanceof byte[] bytes) {
                return Long.parseLong(new String(bytes, StandardCharsets.UTF_8).trim());
            }
            if (value instanceof String text) {
                return Long.parseLong(text.trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
