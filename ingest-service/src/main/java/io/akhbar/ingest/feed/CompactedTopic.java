package io.akhbar.ingest.feed;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The feed topics keep the latest record per feed forever; one partition keeps all of them in order. */
final class CompactedTopic {

    private CompactedTopic() {
    }

    /** @return true when this call created it, false when it existed */
    static boolean ensure(Admin admin, String name, short replicationFactor)
            throws ExecutionException, InterruptedException, TimeoutException {
        NewTopic topic = new NewTopic(name, 1, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            return false;
        }
    }
}
