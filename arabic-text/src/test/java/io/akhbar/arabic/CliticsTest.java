package io.akhbar.arabic;

import static io.akhbar.arabic.ArabicNormalizer.normalize;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliticsTest {

    private static List<String> candidates(String word) {
        return Clitics.candidates(normalize(word));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "وبوتين, بوتين", "لبوتين, بوتين", "بموسكو, موسكو", "وموسكو, موسكو",
        "للكرملين, كرملين", "الكرملين, كرملين", "والناتو, ناتو", "الناتو, ناتو",
        "للرئيس, رئيس", "بالعقوبات, عقوبات", "وبالعقوبات, عقوبات", "فالحرب, حرب",
        "كالعادة, عادة", "ولروسيا, روسيا", "فللرئيس, رئيس", "وكأوكرانيا, أوكرانيا",
    })
    void findsTheWordBehindProclitics(String token, String expected) {
        List<String> c = candidates(token);
        assertThat(c.get(0)).as("the token itself comes first").isEqualTo(normalize(token));
        assertThat(c).contains(normalize(expected));
    }

    @Test
    void readingsComeLeastStrippedFirst() {
        assertThat(candidates("والناتو")).containsExactly("والناتو", "الناتو", "ناتو");
        assertThat(candidates("للكرملين")).containsExactly("للكرملين", "لكرملين", "كرملين");
        assertThat(candidates("وبوتين")).containsExactly("وبوتين", "بوتين", "وتين");
        assertThat(candidates("بالعقوبات")).containsExactly("بالعقوبات", "العقوبات", "عقوبات");
        assertThat(candidates("للبنان")).containsExactly("للبنان", "لبنان", "بنان");
    }

    @ParameterizedTest
    @CsvSource({"والي, 'والي,الي'", "بل, بل", "لله, لله", "ولد, ولد", "بيت, بيت", "الله, الله", "الذي, الذي", "و, و", "'', ''"})
    void keepsAtLeastThreeLetters(String token, String expected) {
        List<String> want = expected.isEmpty() ? List.of("") : List.of(expected.split(","));
        assertThat(Clitics.candidates(normalize(token))).isEqualTo(want);
    }

    @Test
    void minimumStemLengthCanBeLowered() {
        assertThat(Clitics.candidates("ولد", 2)).containsExactly("ولد", "لد");
        assertThat(Clitics.candidates("ولد", 0)).containsExactly("ولد", "لد", "د");
    }

    @Test
    void procliticLengthsWorkOnBuffersWithoutAllocation() {
        char[] buf = "xوالناتوx".toCharArray();
        int bits = Clitics.procliticLengths(buf, 1, 7, 3);
        assertThat(bits).isEqualTo((1 << 1) | (1 << 3));
        assertThat(Clitics.procliticLengths("والناتو", 0, 7, 3)).isEqualTo(bits);
        assertThat(Clitics.procliticLengths("بل", 0, 2, 3)).isZero();
    }

    @Test
    void encliticPronounsAreSeparate() {
        assertThat(Clitics.encliticCandidates(normalize("مقابلته"))).containsExactly("مقابلته", "مقابلت", "مقابله");
        assertThat(Clitics.encliticCandidates("اجتماعهما")).containsExactly("اجتماعهما", "اجتماع");
        assertThat(Clitics.encliticCandidates("جانبهم")).containsExactly("جانبهم", "جانب");
        assertThat(Clitics.encliticCandidates("كتابها")).containsExactly("كتابها", "كتاب");
        assertThat(Clitics.encliticCandidates("بلادنا")).containsExactly("بلادنا", "بلاد");
        assertThat(Clitics.encliticCandidates("له")).containsExactly("له");
        assertThat(Clitics.encliticCandidates("موسكو")).containsExactly("موسكو");
        assertThat(Clitics.stripEnclitic(normalize("مساعدته"))).isEqualTo("مساعده");
        assertThat(Clitics.stripEnclitic("تقديره")).isEqualTo("تقدير");
    }
}
