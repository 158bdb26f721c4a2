package io.akhbar.localstack;

import java.nio.file.Path;

/** The single-node KRaft broker configuration: broker and controller in one JVM, everything replicated once. */
record KafkaServerConfig(int brokerPort, int controllerPort, Path dataDir) {

    private static final String HOST = "127.0.0.1";

    String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    String serverProperties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                // A static voter set: formatting then needs no --standalone and restarts need no re-bootstrap.
                "controller.quorum.voters=1@" + HOST + ":" + controllerPort,
                "listeners=PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + HOST + ":" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "min.insync.replicas=1",
                // Consumers in tests would otherwise wait 3 s for more group members that never come.
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /** Broker logging goes to one file; the console stays quiet so the child's stdout log only shows crashes. */
    static String log4j2Properties(Path logFile) {
        return String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = FILE",
                "appender.file.fileName = " + logFile.toAbsolutePath(),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = FILE",
                // The state-change and request loggers are chatty at INFO and not useful for a dev broker.
                "logger.stateChange.name = state.change.logger",
                "logger.stateChange.level = WARN",
                "logger.request.name = kafka.request.logger",
                "logger.request.level = WARN",
                "");
    }
}
