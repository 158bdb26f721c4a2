package io.akhbar.search.ops;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.util.Map;

/**
 * The binder's common Kafka client settings ({@code spring.cloud.stream.kafka.binder.configuration.*}: SASL, TLS), so
 * that the ops monitor's plain clients reach a secured broker like the bindings do.
 */
final class BinderClientSettings {

    private BinderClientSettings() {
    }

    static Map<String, String> of(Environment environment) {
        return Binder.get(environment).bind("spring.cloud.stream.kafka.binder.configuration",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    }
}
