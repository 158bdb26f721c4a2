package io.akhbar.arabic;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NormalizationTableTest {

    /** Guards the speed-up of scanning only some blocks: a newer JDK/Unicode must not slip by. */
    @Test
    void everyBmpCharThatNfkcChangesLiesInAScannedBlock() {
        Set<Integer> needed = new TreeSet<>();
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String s = String.valueOf((char) c);
            if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
                needed.add(c >>> 8);
            }
        }
        Set<Integer> scanned = IntStream.of(NormalizationTable.NFKC_BLOCKS).boxed().collect(Collectors.toSet());
        assertThat(scanned).containsAll(needed);
    }

    @Test
    void noFoldedCharCollidesWithTheControlCodes() {
        for (int c = 0; c < 0x10000; c++) {
            char v = NormalizationTable.TABLE[c];
            if (Character.isSurrogate(v)) {
                assertThat(v).as("U+%04X", c).isBetween(NormalizationTable.K_JOIN_DROP, NormalizationTable.K_LOW_SURROGATE);
            }
        }
    }
}
