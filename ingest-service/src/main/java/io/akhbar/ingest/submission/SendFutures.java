package io.akhbar.ingest.submission;

import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kafka producer handler's "futures channel": for a message carrying a {@code kafka_futureToken} header, the
 * handler sends the producer's future here before returning from the send, on the sending thread. The publisher then
 * takes it by its token; every message it sends carries one.
 */
@Component
class SendFutures implements MessageChannel {

    private final Map<Object, CompletableFuture<?>> futures = new ConcurrentHashMap<>();

    @Override
    public boolean send(Message<?> message, long timeout) {
        Object token = message.getHeaders().get(KafkaIntegrationHeaders.FUTURE_TOKEN);
        if (token != null && message.getPayload() instanceof CompletableFuture<?> future) {
            futures.put(token, future);
            return true;
        }
        return false;
    }

    CompletableFuture<?> take(String token) {
        CompletableFuture<?> future = futures.remove(token);
        return future != null ? future : CompletableFuture.failedFuture(new IllegalStateException(
                "The producer handed over no send future: is the futures channel configured on the binding?"));
    }
}
