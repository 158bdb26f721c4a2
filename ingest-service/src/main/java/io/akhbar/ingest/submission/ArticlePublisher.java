package io.akhbar.ingest.submission;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.ArticleSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends to Kafka in two ways, both with acks=all and idempotence (binder-wide producer properties):
 * <ul>
 *   <li>{@link #publish} through {@code articles-out-0}, which is {@code sync}: {@link StreamBridge#send} returns only
 *   after the broker acknowledged the record, and throws when it did not;</li>
 *   <li>{@link #publishAsync} through {@code articles-batch-out-0}, same topic, not sync: each send returns at once
 *   with the producer's future (handed over by {@link SendFutures}), so that a batch is in flight together and costs
 *   about one round trip instead of one per article.</li>
 * </ul>
 */
@Component
class ArticlePublisher {

    static final String BINDING = "articles-out-0";
    static final String ASYNC_BINDING = "articles-batch-out-0";

    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

    private final StreamBridge streamBridge;
    private final SendFutures sendFutures;

    ArticlePublisher(StreamBridge streamBridge, SendFutures sendFutures) {
        this.streamBridge = streamBridge;
        this.sendFutures = sendFutures;
    }

    void publish(ArticleSubmitted article) {
        boolean sent;
        try {
            sent = streamBridge.send(BINDING, message(article).build());
        } catch (RuntimeException e) {
            log.warn("Kafka did not acknowledge article {}: {}", article.id(), e.toString());
            throw new PublishFailedException("Kafka did not acknowledge the article", e);
        }
        if (!sent) {
            throw new PublishFailedException("Kafka did not take the article", null);
        }
    }

    /**
     * Hands every article to the producer and returns one future per article, in order, completed when Kafka
     * acknowledged it. Once a send fails before reaching the producer's buffer (no broker metadata within
     * {@code max.block.ms}), the rest fail at once rather than each waiting out the same timeout.
     */
    List<CompletableFuture<?>> publishAsync(List<ArticleSubmitted> articles) {
        List<CompletableFuture<?>> acks = new ArrayList<>(articles.size());
        RuntimeException brokerGone = null;
        for (ArticleSubmitted article : articles) {
            if (brokerGone != null) {
                acks.add(CompletableFuture.failedFuture(brokerGone));
                continue;
            }
            String token = UUID.randomUUID().toString();
            try {
                boolean sent = streamBridge.send(ASYNC_BINDING,
                        message(article).setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN, token).build());
                CompletableFuture<?> ack = sendFutures.take(token);
                acks.add(sent ? ack : CompletableFuture.failedFuture(
                        new PublishFailedException("Kafka did not take the article", null)));
            } catch (RuntimeException e) {
                sendFutures.take(token);
                log.warn("Kafka did not take article {}: {}", article.id(), e.toString());
                brokerGone = new PublishFailedException("Kafka did not take the article", e);
                acks.add(CompletableFuture.failedFuture(brokerGone));
            }
        }
        return acks;
    }

    private static MessageBuilder<ArticleSubmitted> message(ArticleSubmitted article) {
        return MessageBuilder.withPayload(article)
                .setHeader(KafkaHeaders.KEY, article.id())
                .setHeader(ArticleHeaders.INGESTED_AT, article.submittedAt().toEpochMilli())
                .setHeader(ArticleHeaders.TRACE_ID, TraceIds.current());
    }
}
