package io.akhbar.search.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * The admin API's settings. Kafka itself is reached with the binder's broker and security configuration.
 *
 * @param kafkaTimeout longest time one admin request waits for Kafka before answering 503
 * @param deadLetters  what the dead-letter endpoints read and write
 */
@ConfigurationProperties(prefix = "akhbar.admin")
record AdminProperties(Duration kafkaTimeout, DeadLetters deadLetters) {

    /**
     * @param topics          the dead-letter topics that may be listed and replayed from, in listing order
     * @param replayTargets   the topics a replay may write to; a dead letter naming any other original topic is refused
     * @param replaysTopic    compacted topic that records every replay, keyed by dead-letter id
     * @param defaultLimit    entries per page when no limit is given
     * @param maxLimit        most entries per page
     * @param maxReplay       most records one replay request re-sends
     * @param previewBytes    payload bytes shown in the list
     * @param stackTraceLines stack-trace lines shown in the list (the detail shows all)
     */
    record DeadLetters(List<String> topics, List<String> replayTargets, String replaysTopic, int defaultLimit,
            int maxLimit, int maxReplay, int previewBytes, int stackTraceLines) {
    }
}
