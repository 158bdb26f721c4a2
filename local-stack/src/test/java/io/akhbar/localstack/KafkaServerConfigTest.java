package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaServerConfigTest {

    private final KafkaServerConfig config = new KafkaServerConfig(19092, 19093, Path.of("/tmp/stack/kafka/data"));

    @Test
    void rendersASingleNodeCombinedKraftBroker() throws IOException {
        Properties properties = load(config.serverProperties());

        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("log.dirs", "/tmp/stack/kafka/data");
    }

    @Test
    void replicatesInternalTopicsOnceAndAutoCreatesTopics() throws IOException {
        Properties properties = load(config.serverProperties());

        assertThat(properties)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "true")
                .containsEntry("num.partitions", "3");
    }

    @Test
    void bootstrapServersPointAtTheBrokerListener() {
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void logsToTheGivenFileOnly() throws IOException {
        Properties properties = load(KafkaServerConfig.log4j2Properties(Path.of("/tmp/stack/logs/kafka.log")));

        assertThat(properties)
                .containsEntry("appender.file.fileName", "/tmp/stack/logs/kafka.log")
                .containsEntry("rootLogger.appenderRef.file.ref", "FILE");
        assertThat(properties.stringPropertyNames()).noneMatch(name -> name.contains("console"));
    }

    private static Properties load(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
