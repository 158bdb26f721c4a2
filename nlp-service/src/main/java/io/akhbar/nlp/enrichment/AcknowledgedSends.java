package io.akhbar.nlp.enrichment;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends through an output binding without waiting, and hands back the producer's future, completed when Kafka
 * acknowledged the record: a batch is sent as a whole and then awaited once. The Kafka producer handler gives the
 * future to its "futures channel" (this class, see {@link EnrichmentFunctions}) on the sending thread, before the
 * send returns, for every message that carries a {@code kafka_futureToken}.
 *
 * <p>Payloads are bytes already, so messages go straight to the binding's channel (bound at start-up, see
 * {@code spring.cloud.stream.output-bindings}): {@code StreamBridge} would run each through the function layer's
 * content-type conversion and observation, which cost nlp-service more CPU than its Kafka producer.
 */
@Component
class AcknowledgedSends implements MessageChannel {

    private final Map<Object, CompletableFuture<?>> futures = new ConcurrentHashMap<>();
    private final Map<String, MessageChannel> channels = new ConcurrentHashMap<>();
    private final BeanFactory beans;

    AcknowledgedSends(BeanFactory beans) {
        this.beans = beans;
    }

    CompletableFuture<?> send(String binding, MessageBuilder<?> message) {
        String token = UUID.randomUUID().toString();
        try {
            MessageChannel channel = channels.computeIfAbsent(binding, name -> beans.getBean(name, MessageChannel.class));
            if (!channel.send(message.setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN, token).build())) {
                return CompletableFuture.failedFuture(new IllegalStateException("the binding " + binding + " took nothing"));
            }
        } catch (RuntimeException e) {
            futures.remove(token);
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<?> future = futures.remove(token);
        return future != null ? future : CompletableFuture.failedFuture(new IllegalStateException(
                "The producer handed over no send future: is the futures channel configured on " + binding + "?"));
    }

    @Override
    public boolean send(Message<?> message, long timeout) {
        Object token = message.getHeaders().get(KafkaIntegrationHeaders.FUTURE_TOKEN);
        if (token != null && message.getPayload() instanceof CompletableFuture<?> future) {
            futures.put(token, future);
            return true;
        }
        return false;
    }
}
