package io.akhbar.ingest;

import io.akhbar.localstack.LocalStack;

/**
 * One Kafka broker, without Elasticsearch (ingest never talks to it), shared by the ingest ITs of this JVM and stopped
 * by the stack's shutdown hook. Tests that stop their broker start their own (see BrokerOutageIT).
 */
public final class KafkaOnly {

    private static LocalStack stack;

    private KafkaOnly() {
    }

    public static synchronized String bootstrapServers() {
        if (stack == null) {
            stack = LocalStack.builder().withElasticsearch(false).build().start();
        }
        return stack.kafkaBootstrapServers();
    }
}
