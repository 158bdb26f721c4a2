package io.akhbar.arabic.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.akhbar.arabic.Samples;
import io.akhbar.arabic.TokenizedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummarizerTest {

    private static final Summarizer SUMMARIZER = new Summarizer();

    private static String summarize(String text) {
        return SUMMARIZER.summarize(TokenizedText.of(text), List.of(), List.of());
    }

    @Test
    void aLongLeadIsTheSummary() {
        String davos = Samples.read("witkoff-kushner-moscow-davos.ar.txt");
        assertThat(summarize(davos)).isEqualTo(davos.substring(0, davos.indexOf('\n')));
    }

    @Test
    void scrapsAreSkippedAndAShortLeadGetsASecondSentence() {
        String putin = Samples.read("witkoff-putin-third-meeting.ar.txt");
        String summary = summarize(putin);
        assertThat(summary).startsWith("وفقا للموقع الأمريكي، سيكون هذا اللقاء هو الثالث بين ويتكوف وبوتين");
        assertThat(summary).doesNotContain("شاركها");
        String[] sentences = summary.split("(?<=\\.) ");
        assertThat(sentences).hasSize(2).allSatisfy(s -> assertThat(putin).contains(s));
    }

    @Test
    void textsWithoutSentencesOfReadableLengthFallBackToTheirFirstWords() {
        assertThat(summarize("")).isNull();
        assertThat(summarize("!!! ؟؟؟")).isNull();
        assertThat(summarize("بوتين ترامب")).isNull();
        String run = "كلمة ".repeat(1_000);
        assertThat(summarize(run)).isEqualTo("كلمة ".repeat(Summarizer.MAX_WORDS).strip());
    }
}
