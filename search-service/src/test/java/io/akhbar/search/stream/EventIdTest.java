package io.akhbar.search.stream;

import io.akhbar.search.query.InvalidQueryException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventIdTest {

    private static final StreamCursor CURSOR = new StreamCursor(1_769_077_000_123L, 90_210, "3f0c_a-B9");

    @Test
    void encodesToAnOpaqueUrlSafeIdAndBack() {
        EventId id = new EventId(CURSOR, Frontier.NONE.advance(2, 1_000_000_007L).advance(0, 41));

        String text = id.encode();

        assertThat(text).matches("[A-Za-z0-9_-]+").doesNotContain("3f0c");
        assertThat(EventId.decode("Last-Event-ID", text)).isEqualTo(id);
    }

    @Test
    void aFrontierWithNoPartitionYetIsKnownToBeEmpty() {
        EventId id = new EventId(CURSOR, Frontier.NONE);

        assertThat(EventId.decode("Last-Event-ID", id.encode()).frontier()).isEqualTo(Frontier.NONE);
    }

    @Test
    void anIdFromBeforeFrontiersResumesByItsPlaceAlone() {
        String before = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(CURSOR.text().getBytes(StandardCharsets.UTF_8));

        assertThat(EventId.decode("Last-Event-ID", before)).isEqualTo(new EventId(CURSOR, null));
    }

    @Test
    void anIdFromBeforeSequenceNumbersResumesBeforeEveryArticleOfItsMillisecond() {
        String legacy = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1769077000123:3f0c".getBytes(StandardCharsets.UTF_8));

        StreamCursor cursor = EventId.decode("Last-Event-ID", legacy).after();

        assertThat(cursor).isEqualTo(new StreamCursor(1_769_077_000_123L, StreamCursor.BEFORE_ANY_SEQ_NO, "3f0c"));
        assertThat(cursor).isLessThan(new StreamCursor(1_769_077_000_123L, 0, "0"));
    }

    @Test
    void tooManyPartitionsForAnIdLeaveTheFrontierOutRatherThanFail() {
        Frontier wide = Frontier.NONE;
        for (int partition = 0; partition <= Frontier.MAX_PARTITIONS; partition++) {
            wide = wide.advance(partition, Long.MAX_VALUE);
        }

        String text = new EventId(CURSOR, wide).encode();

        assertThat(EventId.decode("Last-Event-ID", text)).isEqualTo(new EventId(CURSOR, null));
    }

    @Test
    void theWidestFrontierAnIdCarriesFitsItsLimit() {
        Frontier widest = Frontier.NONE;
        for (int partition = 0; partition < Frontier.MAX_PARTITIONS; partition++) {
            widest = widest.advance(partition, Long.MAX_VALUE);
        }
        EventId id = new EventId(new StreamCursor(Long.MAX_VALUE, Long.MAX_VALUE, "x".repeat(128)), widest);

        assertThat(EventId.decode("Last-Event-ID", id.encode())).isEqualTo(id);
    }

    @Test
    void anythingElseIsAnInvalidParameterNamedAsGiven() {
        for (String text : List.of("", "garbage!", "bm9jb2xvbg", "MTIzOg", "YWJjOmlk", "MTI6aWQgd2l0aCBzcGFjZQ",
                "MTp4Omlk", "MToyOjM6NA", "MTotMTppZA", encoded("1:2:a|x"), encoded("1:2:a|1."),
                encoded("1:2:a|1.2,"), encoded("1:2:a|1.99999999999999999999"), encoded("1:2:a|-1.2"),
                encoded("|1.2"), "x".repeat(7_000))) {
            assertThatThrownBy(() -> EventId.decode("lastEventId", text)).as(text)
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessageStartingWith("lastEventId:");
        }
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
