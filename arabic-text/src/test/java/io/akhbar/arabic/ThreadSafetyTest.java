package io.akhbar.arabic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Everything is immutable after construction; shared instances must give the same answers under concurrency. */
class ThreadSafetyTest {

    private static final LightStemmer STEMMER = new LightStemmer();
    private static final LanguageDetector DETECTOR = new LanguageDetector();

    private static String analyze(String text) {
        StringBuilder sb = new StringBuilder();
        sb.append(DETECTOR.detect(text).code()).append('|').append(ArabicNormalizer.normalizeWithOffsets(text).text());
        for (Sentence s : ArabicTokenizer.sentences(text)) {
            sb.append('|');
            for (Token t : ArabicTokenizer.tokenize(text, s.start(), s.end())) {
                if (!ArabicStopWords.isStopWord(t.normalized())) {
                    sb.append(STEMMER.stem(t.normalized())).append(' ');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void sharedInstancesGiveTheSameResultsInParallel() throws Exception {
        List<String> samples = Samples.all();
        List<String> expected = samples.stream().map(ThreadSafetyTest::analyze).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 16; task++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 5; round++) {
                        for (int k = 0; k < samples.size(); k++) {
                            if (!analyze(samples.get(k)).equals(expected.get(k))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
