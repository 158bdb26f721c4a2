package io.akhbar.search.admin;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterReplayerTest {

    private static final AdminProperties.DeadLetters SETTINGS = new AdminProperties.DeadLetters(
            List.of("articles.raw.dlq", "articles.enriched.dlq"), List.of("articles.raw", "articles.enriched"),
            "dead-letters.replays", 50, 500, 3, 2048, 8);

    @Test
    void selectsByIdsWithoutRepeats() {
        var selection = DeadLetterReplayer.select(new ReplayRequest(
                List.of("articles.raw.dlq-0-4", "articles.enriched.dlq-2-9", "articles.raw.dlq-0-4"), null, null, null),
                SETTINGS);

        assertThat(selection.ids()).containsExactly(new DeadLetterId("articles.raw.dlq", 0, 4),
                new DeadLetterId("articles.enriched.dlq", 2, 9));
        assertThat(selection.topic()).isNull();
    }

    @Test
    void selectsAWholeTopic() {
        var selection = DeadLetterReplayer.select(new ReplayRequest(null, "articles.raw.dlq", true, null), SETTINGS);

        assertThat(selection.ids()).isNull();
        assertThat(selection.topic()).isEqualTo("articles.raw.dlq");
        assertThat(selection.includeReplayed()).isFalse();
        assertThat(DeadLetterReplayer.select(new ReplayRequest(List.of(), "articles.raw.dlq", true, true), SETTINGS)
                .includeReplayed()).isTrue();
    }

    @Test
    void refusesUnclearOrOversizedSelections() {
        assertInvalid(null, "body");
        assertInvalid(new ReplayRequest(null, null, null, null), "body");
        assertInvalid(new ReplayRequest(List.of("articles.raw.dlq-0-1"), "articles.raw.dlq", true, null), "ids");
        assertInvalid(new ReplayRequest(null, "articles.raw.dlq", false, null), "all");
        assertInvalid(new ReplayRequest(null, null, true, null), "topic");
        assertInvalid(new ReplayRequest(null, "articles.raw", true, null), "topic");
        assertInvalid(new ReplayRequest(List.of("nonsense"), null, null, null), "ids");
        assertInvalid(new ReplayRequest(List.of("articles.raw-0-1"), null, null, null), "ids");
        assertInvalid(new ReplayRequest(List.of("articles.raw.dlq-0-1", "articles.raw.dlq-0-2", "articles.raw.dlq-0-3",
                "articles.raw.dlq-0-4"), null, null, null), "ids");
    }

    @Test
    void replayKeepsTheArticlesHeadersDropsTheFailuresAndCountsReplays() {
        var headers = new RecordHeaders();
        headers.add(ArticleHeaders.TRACE_ID, bytes("trace-1"));
        headers.add(ArticleHeaders.INGESTED_AT, bytes("1769077000000"));
        headers.add(DeadLetterHeaders.REPLAYED_FROM, bytes("articles.raw.dlq-0-1"));
        headers.add(DeadLetterHeaders.REPLAY_COUNT, bytes("1"));
        headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes("articles.raw"));
        headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, new byte[8]);
        headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, bytes("boom"));
        headers.add(DeadLetterHeaders.EXCEPTION_STACKTRACE, bytes("at ..."));
        DeadLetter deadLetter = DeadLetter.of(new ConsumerRecord<>("articles.raw.dlq", 0, 8, 0L,
                TimestampType.CREATE_TIME, 0, 0, bytes("key"), bytes("{}"), headers, Optional.empty()));

        RecordHeaders replay = DeadLetterReplayer.replayHeaders(deadLetter, deadLetter.replayCount() + 1);

        assertThat(Arrays.stream(replay.toArray()).map(Header::key)).containsExactly(ArticleHeaders.TRACE_ID,
                ArticleHeaders.INGESTED_AT, DeadLetterHeaders.REPLAYED_FROM, DeadLetterHeaders.REPLAY_COUNT);
        assertThat(HeaderValues.text(replay, DeadLetterHeaders.REPLAYED_FROM)).isEqualTo("articles.raw.dlq-0-8");
        assertThat(HeaderValues.text(replay, DeadLetterHeaders.REPLAY_COUNT)).isEqualTo("2");
        assertThat(HeaderValues.text(replay, ArticleHeaders.TRACE_ID)).isEqualTo("trace-1");
    }

    private static void assertInvalid(ReplayRequest request, String parameter) {
        assertThatThrownBy(() -> DeadLetterReplayer.select(request, SETTINGS))
                .isInstanceOfSatisfying(InvalidAdminRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
