package io.akhbar.nlp.enrichment;

import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.List;
import java.util.function.Consumer;

/**
 * The batch binding {@code enrich-in-0} (articles.raw). Records arrive as bytes, so that one unreadable record is
 * dead-lettered alone instead of failing the conversion of its whole batch; {@link EnrichmentBatch} sends to
 * {@code enriched-out-0} (articles.enriched) and {@code dead-letters-out-0} (articles.raw.dlq).
 */
@Configuration(proxyBeanMethods = false)
class EnrichmentFunctions {

    @Bean
    Consumer<Message<List<byte[]>>> enrich(EnrichmentBatch batch) {
        return message -> batch.enrich(RawArticle.of(message));
    }

    /**
     * A batch that was not acknowledged whole (the broker away, a send refused) is read again, with growing pauses
     * and never given up on: the handler keeps the consumer in its group and commits nothing until the batch succeeds.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryBatchesForever() {
        return (container, destination, group) -> {
            var backOff = new ExponentialBackOff(500, 2.0);
            backOff.setMaxInterval(30_000);
            container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        };
    }

    /** The binder offers no property for it; without it a send could only be fired, not awaited. */
    @Bean
    ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> sendFuturesToTheBatch(AcknowledgedSends sends) {
        return (handler, destination) -> handler.setFuturesChannel(sends);
    }
}
