package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class SampleArticleTest {

    @Test
    void choosesAPlaceNameUniqueToEachBundledSample() {
        Path samples = ProjectRoot.findFrom(Path.of("")).orElseThrow().resolve("samples");

        List<SampleArticle> articles = SampleArticle.loadAll(samples);

        assertThat(articles).extracting(SampleArticle::fileName, SampleArticle::probeWord).containsExactly(
                org.assertj.core.groups.Tuple.tuple("witkoff-kushner-moscow-davos.ar.txt", "دافوس"),
                org.assertj.core.groups.Tuple.tuple("witkoff-putin-third-meeting.ar.txt", "إسطنبول"));
    }

    @Test
    void fallsBackToTheFirstLongWordNoOtherTextContains() {
        String probe = SampleArticle.chooseProbeWord("قال الرئيس في موسكو والقاهرة", List.of("قال الرئيس في موسكو"));

        assertThat(probe).isEqualTo("والقاهرة");
    }

    @Test
    void skipsAPreferredWordThatAnotherSampleAlsoContains() {
        String probe = SampleArticle.chooseProbeWord("اجتماع دافوس في سويسرا", List.of("منتدى دافوس"));

        assertThat(probe).isEqualTo("اجتماع");
    }
}
