package io.akhbar.arabic.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.akhbar.arabic.ArabicTokenizer;
import io.akhbar.arabic.Samples;
import io.akhbar.arabic.entity.EntityMention;
import io.akhbar.arabic.entity.ExtractedEntity;
import io.akhbar.arabic.keyword.KeyPhrase;
import io.akhbar.arabic.quote.Quotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EnricherTest {

    private static final Enricher ENRICHER = new Enricher();

    @Test
    void enrichesASampleCompletely() {
        String body = Samples.read("witkoff-putin-third-meeting.ar.txt");
        Enrichment e = ENRICHER.enrich("ويتكوف يلتقي بوتين للمرة الثالثة", body);

        assertThat(e.language().code()).isEqualTo("ar");
        assertThat(e.wordCount()).isEqualTo(ArabicTokenizer.tokenize(body).size() + 5);
        assertThat(e.entities()).extracting(ExtractedEntity::id).startsWith("person:vladimir-putin");
        assertThat(e.quotes()).extracting(Quotation::speakerId).contains("person:donald-trump");
        assertThat(e.keyphrases()).extracting(KeyPhrase::text).first().isEqualTo("وقف إطلاق النار");
        assertThat(e.summary()).isNotBlank();
        assertThat(e.fingerprint()).matches("[0-9a-f]{16}");
        assertThat(e.truncated()).isFalse();
    }

    @Test
    void aNullOrEmptyTitleIsNoTitle() {
        Enrichment withNull = ENRICHER.enrich(null, "قال بوتين إن المحادثات مستمرة");
        assertThat(withNull).isEqualTo(ENRICHER.enrich("", "قال بوتين إن المحادثات مستمرة"));
        assertThat(withNull.entities().get(0).mentions()).extracting(EntityMention::field).containsOnly("body");
    }

    @Test
    void aTextLongerThanTheLimitIsAnalysedInPartAndCountedInFull() {
        String sample = Samples.read("witkoff-kushner-moscow-davos.ar.txt") + "\n";
        String body = sample.repeat(Enricher.MAX_ANALYZED_CHARS / sample.length() * 3);
        Enrichment e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ENRICHER.enrich("", body));

        assertThat(e.truncated()).isTrue();
        assertThat(e.wordCount()).isEqualTo(ArabicTokenizer.tokenize(body).size());
        assertThat(e.entities()).flatExtracting(ExtractedEntity::mentions)
                .allSatisfy(m -> assertThat(m.end()).isLessThanOrEqualTo(Enricher.MAX_ANALYZED_CHARS));
    }

    @Test
    void theAnalysedPrefixNeverSplitsAWordOrASurrogatePair() {
        String words = "بوتين ".repeat(Enricher.MAX_ANALYZED_CHARS / 6 + 10);
        assertThat(Enricher.prefix(words)).endsWith("بوتين").hasSizeLessThanOrEqualTo(Enricher.MAX_ANALYZED_CHARS);
        String emoji = "😀".repeat(Enricher.MAX_ANALYZED_CHARS);
        String cut = Enricher.prefix(emoji);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
    }

    /** Random junk over the characters that break text code: whatever comes out points into the input. */
    @Test
    void randomTextNeverBreaksAnythingAndAllOffsetsPointIntoIt() {
        Random random = new Random(3);
        char[] alphabet = ("بوتينترامبموسكوالناتوكرملين ،.؟!«»“”\"()\n\t0123456789abcXYZ"
                + "\u064B\u0651\u0640\u200C\u200D\u200E\u200F\u202B\u202C\u2067\u2069\uFEFB\uFDFA\uD800\uDC00\u0000").toCharArray();
        for (int round = 0; round < 300; round++) {
            char[] text = new char[random.nextInt(400)];
            for (int k = 0; k < text.length; k++) {
                text[k] = alphabet[random.nextInt(alphabet.length)];
            }
            String title = new String(text, 0, text.length / 5);
            String body = new String(text);
            Enrichment e = ENRICHER.enrich(title, body);
            for (ExtractedEntity entity : e.entities()) {
                for (EntityMention m : entity.mentions()) {
                    String field = m.field().equals("title") ? title : body;
                    assertThat(field.substring(m.start(), m.end())).isEqualTo(m.surface());
                }
            }
            for (Quotation q : e.quotes()) {
                assertThat(body.substring(q.start(), q.end())).isEqualTo(q.text());
            }
            if (e.summary() != null) {
                assertThat(body).contains(e.summary().split(" ")[0]);
            }
        }
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        List<String> samples = Samples.all();
        List<Enrichment> expected = samples.stream().map(s -> ENRICHER.enrich("", s)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 16; task++) {
                int which = task % samples.size();
                results.add(pool.submit(() -> ENRICHER.enrich("", samples.get(which)).equals(expected.get(which))));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
