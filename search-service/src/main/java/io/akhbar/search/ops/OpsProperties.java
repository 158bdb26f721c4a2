package io.akhbar.search.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * What the pipeline summary watches. Topic and group names come from configuration, like everywhere else.
 *
 * @param stages         the pipeline's stages in flow order: the topic each one consumes and its consumer group
 * @param deadLetterTopics every dead-letter topic
 * @param sampleInterval how often counts are sampled for the 1/5/15-minute rates
 * @param laggingRecords above this many unconsumed records a stage is flagged
 * @param feedHealthTopic compacted topic ingest reports each feed's health to (read without a consumer group)
 */
@ConfigurationProperties(prefix = "akhbar.ops")
record OpsProperties(List<Stage> stages, List<String> deadLetterTopics, Duration sampleInterval, long laggingRecords,
        String feedHealthTopic) {

    /** @param group null for the stage that only produces (ingest) */
    record Stage(String name, String topic, String group) {
    }
}
