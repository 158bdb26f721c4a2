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
        return stack().kafkaBootstrapServers();
    }

    /** The stack's API key: the ITs hand it to the service they start and send it with every keyed request. */
    public static synchronized String apiKey() {
        return stack().apiKey();
    }

    private static LocalStack stack() {
        if (stack == null) {
            stack = LocalStack.builder().withElasticsearch(false).build().start();
        }
        return stack;
    }
}
