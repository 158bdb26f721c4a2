package io.akhbar.search.admin;

import org.apache.kafka.common.TopicPartition;

import java.util.regex.Pattern;

/**
 * A dead letter's id: its own coordinates, {@code <topic>-<partition>-<offset>} (as Kafka prints a partition, plus the
 * offset). Topic names may contain dashes, so the two numbers are read from the right.
 */
record DeadLetterId(String topic, int partition, long offset) {

    private static final Pattern FORMAT = Pattern.compile("([a-zA-Z0-9._-]{1,249})-(\\d{1,9})-(\\d{1,18})");

    static DeadLetterId parse(String parameter, String text) {
        var matcher = text == null ? null : FORMAT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new InvalidAdminRequestException(parameter,
                    "'" + text + "' is not a dead-letter id (<topic>-<partition>-<offset>)");
        }
        return new DeadLetterId(matcher.group(1), Integer.parseInt(matcher.group(2)), Long.parseLong(matcher.group(3)));
    }

    TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "-" + offset;
    }
}
