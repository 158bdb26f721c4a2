package io.akhbar.ingest.submission;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.ArticleSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends articles to Kafka, with acks=all and idempotence (binder-wide producer properties), and hands back the
 * producer's future (through {@link SendFutures}), completed once Kafka acknowledged the article:
 * <ul>
 *   <li>{@link #publish}, one article of a client that waits for it, through {@code articles-out-0}, which does not
 *   linger;</li>
 *   <li>{@link #publishAsync}, batches and feed polls, through {@code articles-batch-out-0} (same topic), which
 *   lingers a few milliseconds so that a batch leaves in a few large requests, and is awaited as a whole.</li>
 * </ul>
 * The articles are serialized here and the messages go straight to the bindings' channels (bound at start-up, see
 * {@code spring.cloud.stream.output-bindings}): {@code StreamBridge} would run each through the function layer's
 * content-type conversion and observation, which took about half of what a single POST spent in sending.
 */
@Component
class ArticlePublisher {

    static final String BINDING = "articles-out-0";
    static final String ASYNC_BINDING = "articles-batch-out-0";
    /**
     * The producer fails a send itself within {@code max.block.ms} and {@code delivery.timeout.ms}: this only bounds
     * the wait for a future that would never complete.
     */
    private static final Duration SINGLE_ACK_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

    private final BeanFactory beans;
    private final SendFutures sendFutures;
    private final JsonMapper json;
    private final Map<String, MessageChannel> channels = new ConcurrentHashMap<>();

    ArticlePublisher(BeanFactory beans, SendFutures sendFutures, JsonMapper json) {
        this.beans = beans;
        this.sendFutures = sendFutures;
        this.json = json;
    }

    /** Returns once Kafka acknowledged the article. */
    void publish(ArticleSubmitted article) {
        CompletableFuture<?> ack;
        try {
            ack = send(BINDING, article);
        } catch (RuntimeException e) {
            log.warn("Kafka did not take article {}: {}", article.id(), e.toString());
            throw new PublishFailedException("Kafka did not take the article", e);
        }
        try {
            ack.get(SINGLE_ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            log.warn("Kafka did not acknowledge article {}: {}", article.id(), e.getCause().toString());
            throw new PublishFailedException("Kafka did not acknowledge the article", e.getCause());
        } catch (TimeoutException e) {
            ack.cancel(false);
            log.warn("Kafka did not acknowledge article {} within {}", article.id(), SINGLE_ACK_TIMEOUT);
            throw new PublishFailedException("Kafka did not acknowledge the article in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("Interrupted while waiting for Kafka", e);
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
            try {
                acks.add(send(ASYNC_BINDING, article));
            } catch (RuntimeException e) {
                log.warn("Kafka did not take article {}: {}", article.id(), e.toString());
                brokerGone = new PublishFailedException("Kafka did not take the article", e);
                acks.add(CompletableFuture.failedFuture(brokerGone));
            }
        }
        return acks;
    }

    /** @throws RuntimeException when the producer did not take the record (no broker metadata in time) */
    private CompletableFuture<?> send(String binding, ArticleSubmitted article) {
        String token = UUID.randomUUID().toString();
        MessageChannel channel = channels.computeIfAbsent(binding, name -> beans.getBean(name, MessageChannel.class));
        boolean sent;
        try {
            sent = channel.send(MessageBuilder.withPayload(json.writeValueAsBytes(article))
                    .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                    .setHeader(KafkaHeaders.KEY, article.id())
                    .setHeader(ArticleHeaders.INGESTED_AT, article.submittedAt().toEpochMilli())
                    .setHeader(ArticleHeaders.TRACE_ID, TraceIds.current())
                    .setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN, token)
                    .build());
        } catch (RuntimeException e) {
            sendFutures.take(token);
            throw e;
        }
        CompletableFuture<?> ack = sendFutures.take(token);
        return sent ? ack : CompletableFuture.failedFuture(
                new PublishFailedException("Kafka did not take the article", null));
    }
}
