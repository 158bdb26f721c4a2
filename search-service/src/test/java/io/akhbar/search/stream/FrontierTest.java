package io.akhbar.search.stream;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrontierTest {

    @Test
    void movesOnlyForwardAndKeepsPartitionsInOrder() {
        Frontier frontier = Frontier.NONE.advance(3, 10).advance(0, 7).advance(3, 4).advance(1, 2).advance(0, 9);

        assertThat(frontier.offsets()).containsExactly(Map.entry(0, 9L), Map.entry(1, 2L), Map.entry(3, 10L));
        assertThat(frontier.text()).isEqualTo("0.9,1.2,3.10");
    }

    @Test
    void isImmutable() {
        Frontier before = Frontier.NONE.advance(0, 5);

        Frontier after = before.advance(0, 6).advance(1, 1);

        assertThat(before.offsets()).containsExactly(Map.entry(0, 5L));
        assertThat(after).isNotEqualTo(before);
        assertThat(before.advance(0, 5)).isSameAs(before);
    }

    @Test
    void readsWhatItWrites() {
        Frontier frontier = Frontier.NONE.advance(11, Long.MAX_VALUE).advance(0, 0);

        assertThat(Frontier.parse(frontier.text())).isEqualTo(frontier).hasSameHashCodeAs(frontier);
        assertThat(Frontier.parse("")).isEqualTo(Frontier.NONE);
    }

    @Test
    void refusesAnythingElse() {
        for (String text : new String[] {"x", "1", "1.", ".1", "1.2,", "1.2;3.4", "-1.2", "1.-2", "1.2.3",
                "1234567890.1", "1.99999999999999999999"}) {
            assertThatThrownBy(() -> Frontier.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
