package io.akhbar.ingest.submission;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.ArticleSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Sends to the {@code articles-out-0} binding, which is {@code sync} in the configuration: {@link StreamBridge#send}
 * then returns only after the broker acknowledged the record (acks=all), and throws when it did not.
 */
@Component
class ArticlePublisher {

    static final String BINDING = "articles-out-0";

    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

    private final StreamBridge streamBridge;

    ArticlePublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    void publish(ArticleSubmitted article) {
        var message = MessageBuilder.withPayload(article)
                .setHeader(KafkaHeaders.KEY, article.id())
                .setHeader(ArticleHeaders.INGESTED_AT, article.submittedAt().toEpochMilli())
                .setHeader(ArticleHeaders.TRACE_ID, UUID.randomUUID().toString())
                .build();
        boolean sent;
        try {
            sent = streamBridge.send(BINDING, message);
        } catch (RuntimeException e) {
            log.warn("Kafka did not acknowledge article {}: {}", article.id(), e.toString());
            throw new PublishFailedException("Kafka did not acknowledge the article", e);
        }
        if (!sent) {
            throw new PublishFailedException("Kafka did not take the article", null);
        }
    }
}
