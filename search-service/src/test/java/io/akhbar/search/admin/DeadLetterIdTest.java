package io.akhbar.search.admin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterIdTest {

    @Test
    void readsTheNumbersFromTheRightSoThatTopicsMayContainDashes() {
        DeadLetterId id = DeadLetterId.parse("id", "articles.enriched.dlq-poison-run-3-1207");

        assertThat(id).isEqualTo(new DeadLetterId("articles.enriched.dlq-poison-run", 3, 1207));
        assertThat(id.toString()).isEqualTo("articles.enriched.dlq-poison-run-3-1207");
        assertThat(DeadLetterId.parse("id", id.toString())).isEqualTo(id);
        assertThat(id.topicPartition().toString()).isEqualTo("articles.enriched.dlq-poison-run-3");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "articles.raw.dlq", "articles.raw.dlq-1", "articles.raw.dlq-x-1", "articles.raw.dlq-1--1",
            "a/b-0-1", "articles raw-0-1", "articles.raw.dlq-0-99999999999999999999", "-0-1"})
    void refusesWhatIsNotAnId(String text) {
        assertThatThrownBy(() -> DeadLetterId.parse("ids", text))
                .isInstanceOfSatisfying(InvalidAdminRequestException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("ids");
                    assertThat(e.getMessage()).contains("not a dead-letter id");
                });
    }
}
