package io.akhbar.arabic;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class WhitespaceTest {

    @Test
    void collapsesRunsOfAsciiWhitespaceAsTheRegularExpressionDoes() {
        assertThat(Whitespace.collapse("فلاديمير \t\n بوتين")).isEqualTo("فلاديمير بوتين");
        assertThat(Whitespace.collapse("\r\nترمب\u000B\f")).isEqualTo(" ترمب ");
        // Not \s: the no-break and em spaces stay, as they do with the regular expression.
        assertThat(Whitespace.collapse("a\u00A0\u00A0b\u2003 c")).isEqualTo("a\u00A0\u00A0b\u2003 c");
    }

    @Test
    void returnsTheSameStringWhenNothingCollapses() {
        String name = "دونالد ترمب";

        assertThat(Whitespace.collapse(name)).isSameAs(name);
        assertThat(Whitespace.collapse("")).isEmpty();
    }

    @Test
    void agreesWithReplaceAllOnRandomText() {
        char[] alphabet = {' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2003', 'a', 'ب', 'و', '.'};
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            char[] text = new char[random.nextInt(12)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String input = new String(text);

            assertThat(Whitespace.collapse(input)).as("%s", input.chars().boxed().toList())
                    .isEqualTo(input.replaceAll("\\s+", " "));
        }
    }
}
