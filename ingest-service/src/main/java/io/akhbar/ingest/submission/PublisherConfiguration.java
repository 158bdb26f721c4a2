package io.akhbar.ingest.submission;

import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;

@Configuration(proxyBeanMethods = false)
class PublisherConfiguration {

    /** The binder offers no property for it; without it an async send could not be awaited, only fired. */
    @Bean
    ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> sendFuturesToPublisher(SendFutures futures) {
        return (handler, destination) -> handler.setFuturesChannel(futures);
    }
}
