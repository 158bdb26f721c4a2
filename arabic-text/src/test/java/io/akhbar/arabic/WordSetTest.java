package io.akhbar.arabic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordSetTest {

    @Test
    void probesByStringRangeAndBuffer() {
        WordSet set = WordSet.of("بوتين", "موسكو", "a", "");
        assertThat(set.contains("بوتين")).isTrue();
        assertThat(set.contains(new StringBuilder("موسكو"))).isTrue();
        assertThat(set.contains("وبوتين", 1, 6)).isTrue();
        assertThat(set.contains("وبوتين".toCharArray(), 1, 5)).isTrue();
        assertThat(set.contains("وبوتين")).isFalse();
        assertThat(set.contains("")).isTrue();
        assertThat(set.contains("b")).isFalse();
        assertThat(set.size()).isEqualTo(4);
        assertThat(WordSet.empty().contains("")).isFalse();
    }

    @Test
    void manyWordsAndUnion() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            words.add("w" + i);
        }
        WordSet set = WordSet.of(words);
        for (String w : words) {
            assertThat(set.contains(w)).isTrue();
        }
        assertThat(set.contains("w5000")).isFalse();
        WordSet more = set.union(List.of("x"));
        assertThat(more.contains("x")).isTrue();
        assertThat(set.contains("x")).isFalse();
        assertThat(more.asSet()).hasSize(5001);
    }
}
