package io.akhbar.search.kafka;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings of the service's own Kafka clients (the admin API's, the ops monitor's, the feed-health reader's),
 * merged as the binder merges its own: brokers, {@code configuration} (SASL, TLS), {@code consumer-properties} /
 * {@code producer-properties}, and Boot's {@code spring.kafka.*}. A broker secured for the bindings is then reached
 * the same way by every other client, from one place.
 */
@Component
public final class KafkaClientSettings {

    private final Map<String, Object> consumer;
    private final Map<String, Object> producer;

    @Autowired
    KafkaClientSettings(Environment environment, ObjectProvider<KafkaProperties> kafkaProperties) {
        this(binderProperties(environment, kafkaProperties.getIfAvailable(KafkaProperties::new)));
    }

    private KafkaClientSettings(KafkaBinderConfigurationProperties binder) {
        Map<String, Object> reader = new HashMap<>(binder.mergedConsumerConfiguration());
        reader.remove(ConsumerConfig.GROUP_ID_CONFIG);
        reader.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The bindings wait for a batch's worth of bytes per fetch; a reader that pages or peeks must not.
        reader.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        this.consumer = Collections.unmodifiableMap(reader);
        this.producer = Collections.unmodifiableMap(new HashMap<>(binder.mergedProducerConfiguration()));
    }

    /** The binder's part alone, as tests need it: Boot's {@code spring.kafka.*} are left at their defaults. */
    public static KafkaClientSettings of(Environment environment) {
        return new KafkaClientSettings(binderProperties(environment, new KafkaProperties()));
    }

    /**
     * A consumer's settings without a group, committing nothing and answering a fetch as soon as there is a record:
     * the service's own consumers read by assign and seek. The caller adds its deserializers and whatever else it
     * needs; the map is its own.
     */
    public Map<String, Object> consumer() {
        return new HashMap<>(consumer);
    }

    /** A producer's settings; the caller adds its serializers and guarantees; the map is its own. */
    public Map<String, Object> producer() {
        return new HashMap<>(producer);
    }

    /** An admin client's settings: those of the consumer settings an admin client knows, without a client id. */
    public Map<String, Object> admin() {
        Map<String, Object> config = new HashMap<>();
        consumer.forEach((name, value) -> {
            if (AdminClientConfig.configNames().contains(name) && !name.equals(AdminClientConfig.CLIENT_ID_CONFIG)) {
                config.put(name, value);
            }
        });
        return config;
    }

    private static KafkaBinderConfigurationProperties binderProperties(Environment environment, KafkaProperties kafka) {
        // No connection details: the binder's brokers decide, as they do for the bindings.
        ObjectProvider<KafkaConnectionDetails> none = new ObjectProvider<>() {
            @Override
            public KafkaConnectionDetails getObject() {
                return null;
            }

            @Override
            public KafkaConnectionDetails getIfAvailable() {
                return null;
            }
        };
        var binder = new KafkaBinderConfigurationProperties(kafka, none);
        return Binder.get(environment).bind("spring.cloud.stream.kafka.binder", Bindable.ofInstance(binder)).orElse(binder);
    }
}
