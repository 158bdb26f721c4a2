package io.akhbar.localstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes sure {@link LocalStack#shared()} (Kafka and Elasticsearch) is running before a test class starts:
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * class SomeIT {
 *     @DynamicPropertySource
 *     static void stack(DynamicPropertyRegistry registry) {
 *         registry.add("spring.cloud.stream.kafka.binder.brokers", LocalStack.shared()::kafkaBootstrapServers);
 *     }
 * }
 * }</pre>
 *
 * The stack lives until the test JVM exits, so every test class in the fork reuses it.
 */
public class LocalStackExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        LocalStack.shared();
    }

    /** The same, plus the three services as separate JVMs ({@link LocalStack#sharedWithServices()}). */
    public static class WithServices implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            LocalStack.sharedWithServices();
        }
    }
}
