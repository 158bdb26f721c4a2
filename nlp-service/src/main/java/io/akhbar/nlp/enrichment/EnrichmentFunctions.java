package io.akhbar.nlp.enrichment;

import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.List;
import java.util.function.Function;

/**
 * The batch binding {@code enrich-in-0} (articles.raw) to {@code enrich-out-0} (articles.enriched). Records arrive as
 * bytes, so that one unreadable record is dead-lettered alone instead of failing the conversion of its whole batch;
 * each message of the returned list is sent as one record.
 */
@Configuration(proxyBeanMethods = false)
class EnrichmentFunctions {

    @Bean
    Function<Message<List<byte[]>>, List<Message<byte[]>>> enrich(EnrichmentBatch batch) {
        return batch::enrich;
    }

    /**
     * A batch whose transaction failed (the broker away, a send refused) is rolled back and read again, with growing
     * pauses and never given up on: nothing it sent becomes visible to read-committed consumers, and its offsets stay
     * where they were.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryAbortedBatchesForever() {
        return (container, destination, group) -> retryForever(container);
    }

    private static <K, V> void retryForever(AbstractMessageListenerContainer<K, V> container) {
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        container.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(backOff));
    }
}
