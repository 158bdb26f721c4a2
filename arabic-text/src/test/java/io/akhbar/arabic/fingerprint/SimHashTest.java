package io.akhbar.arabic.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.akhbar.arabic.ArabicTokenizer;
import io.akhbar.arabic.Samples;
import io.akhbar.arabic.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimHashTest {

    private static final String DAVOS = Samples.read("witkoff-kushner-moscow-davos.ar.txt");
    private static final String PUTIN = Samples.read("witkoff-putin-third-meeting.ar.txt");

    private static String fingerprint(String text) {
        return SimHash.fingerprint(ArabicTokenizer.tokenize(text));
    }

    @Test
    void lightlyEditedCopiesStayCloseWhileTheTwoSamplesAreFarApart() {
        String original = fingerprint(DAVOS);
        List<String> lightlyEdited = List.of(
                DAVOS.replace("حسناً", "حسنا").replace("الخميس", "الجمعة"),
                DAVOS.replace("قال ستيف ويتكوف", "صرح ستيف ويتكوف").replace("منتجع دافوس", "مدينة دافوس"),
                DAVOS + "\nاقرأ أيضا: ترامب يهدد بعقوبات جديدة على روسيا",
                "عاجل | " + DAVOS.replace("،", ","));
        for (String copy : lightlyEdited) {
            assertThat(SimHash.hammingDistance(original, fingerprint(copy))).isLessThanOrEqualTo(SimHash.NEAR_DUPLICATE_DISTANCE);
        }
        // A paragraph less or the lead dropped is a tenth of the text: further, still far from another story.
        String shortened = DAVOS.substring(0, DAVOS.indexOf("وفي السياق")) + DAVOS.substring(DAVOS.indexOf("وأشار بيسكوف"));
        String withoutLead = DAVOS.substring(DAVOS.indexOf('\n') + 1);
        int apart = SimHash.hammingDistance(original, fingerprint(PUTIN));
        System.out.printf("SimHash: a paragraph less %d bits, the lead dropped %d bits, the other sample %d bits%n",
                SimHash.hammingDistance(original, fingerprint(shortened)),
                SimHash.hammingDistance(original, fingerprint(withoutLead)), apart);
        assertThat(SimHash.hammingDistance(original, fingerprint(shortened))).isLessThan(apart / 2);
        assertThat(SimHash.hammingDistance(original, fingerprint(withoutLead))).isLessThan(apart / 2);
        assertThat(apart).isGreaterThan(4 * SimHash.NEAR_DUPLICATE_DISTANCE);
        assertThat(SimHash.nearDuplicates(original, fingerprint(PUTIN))).isFalse();
    }

    @Test
    void normalizationAndHouseSpellingDoNotChangeTheFingerprint() {
        String original = fingerprint(PUTIN);
        assertThat(fingerprint(PUTIN.replace("أ", "ا").replace("ة", "ه").replace("ى", "ي"))).isEqualTo(original);
        assertThat(fingerprint(PUTIN.replace("ترامب", "ترمب").replace("الأمريكي", "الأميركي"))).isEqualTo(original);
        assertThat(fingerprint(PUTIN.replace("ترامب", "تْرامْب").replace("،", " ، "))).isEqualTo(original);
    }

    /** Random word replacements, printed as a distribution: what the distance bound catches. */
    @Test
    void randomWordReplacementsMoveAFewBits() {
        List<Token> tokens = ArabicTokenizer.tokenize(DAVOS);
        long original = SimHash.of(tokens);
        Random random = new Random(2026);
        StringBuilder report = new StringBuilder("SimHash under random word replacements (davos sample, 200 trials each):");
        for (int replaced : new int[] {1, 3, 5, 10}) {
            int within = 0;
            int total = 0;
            for (int trial = 0; trial < 200; trial++) {
                List<Token> edited = new ArrayList<>(tokens);
                for (int k = 0; k < replaced; k++) {
                    edited.set(random.nextInt(edited.size()), tokens.get(random.nextInt(tokens.size())));
                }
                int d = SimHash.hammingDistance(original, SimHash.of(edited));
                total += d;
                within += d <= SimHash.NEAR_DUPLICATE_DISTANCE ? 1 : 0;
            }
            report.append(String.format("%n  %2d words: mean %.1f bits, %3d%% within %d", replaced, total / 200.0,
                    within / 2, SimHash.NEAR_DUPLICATE_DISTANCE));
            if (replaced <= 3) {
                assertThat(within).as("%d replaced words", replaced).isGreaterThanOrEqualTo(180);
            }
        }
        System.out.println(report);
    }

    @Test
    void hexIsSixteenLowercaseDigitsAndParsesBack() {
        long value = SimHash.of(ArabicTokenizer.tokenize(DAVOS));
        String hex = SimHash.hex(value);
        assertThat(hex).matches("[0-9a-f]{16}");
        assertThat(SimHash.parse(hex)).isEqualTo(value);
        assertThat(SimHash.hammingDistance(0L, -1L)).isEqualTo(64);
        assertThatThrownBy(() -> SimHash.parse("xyz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimHash.parse("0123456789abcdeg")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textsWithoutWordsHaveNoFingerprintAndVeryShortOnesHaveOne() {
        assertThat(fingerprint("")).isNull();
        assertThat(fingerprint("!!! ؟؟؟")).isNull();
        assertThat(fingerprint("بوتين")).matches("[0-9a-f]{16}");
        assertThat(fingerprint("بوتين ترامب")).isNotEqualTo(fingerprint("ترامب بوتين"));
    }
}
