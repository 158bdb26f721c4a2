package io.akhbar.arabic;

import static io.akhbar.arabic.ArabicNormalizer.normalize;
import static io.akhbar.arabic.ArabicNormalizer.normalizeWithOffsets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArabicNormalizerTest {

    @Nested
    class Rules {

        @Test
        void stripsEveryTashkeelAndQuranicMark() {
            assertThat(normalize("مُحَمَّدٌ")).isEqualTo("محمد");
            assertThat(normalize("سيُبلّغ")).isEqualTo("سيبلغ");
            for (char m = '\u064B'; m <= '\u065F'; m++) {
                assertThat(normalize("ب" + m + "ت")).as("U+%04X", (int) m).isEqualTo("بت");
            }
            assertThat(normalize("ب\u0670ت")).isEqualTo("بت");
            for (char m = '\u06D6'; m <= '\u06ED'; m++) {
                assertThat(normalize("ب" + m + "ت")).as("U+%04X", (int) m).isEqualTo("بت");
            }
        }

        @Test
        void stripsTatweel() {
            assertThat(normalize("بـــوتين")).isEqualTo("بوتين");
            assertThat(normalize("بـ”الإيجابية")).isEqualTo("ب”الايجابيه");
        }

        @Test
        void stripsBidiControlsJoinersAndSoftHyphen() {
            char[] invisible = {'\u200E', '\u200F', '\u061C', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
                '\u2066', '\u2067', '\u2068', '\u2069', '\u200C', '\u200D', '\u00AD', '\uFEFF'};
            for (char c : invisible) {
                assertThat(normalize("ترمب" + c + "x")).as("U+%04X", (int) c).isEqualTo("ترمبx");
            }
            assertThat(normalize("می\u200Cخواهیم")).isEqualTo("ميخواهيم");
        }

        @ParameterizedTest
        @CsvSource({
            "أحمد, احمد", "إسطنبول, اسطنبول", "آمل, امل", "ٱلله, الله", "ٲ, ا", "ٳ, ا",
            "مستشفى, مستشفي", "التقى, التقي",
            "مسؤول, مسوول", "تؤيد, تويد",
            "رئيس, رييس", "قائلاً, قايلا",
            "مقابلة, مقابله", "الاقتصادية, الاقتصاديه",
            "ایران, ايران", "ې, ي", "ے, ي",
            "کشور, كشور",
            "ھے, هي", "کہ, كه", "ۀ, ه",
        })
        void foldsLetterVariants(String in, String expected) {
            assertThat(normalize(in)).isEqualTo(expected);
        }

        @Test
        void foldsDigitsToAscii() {
            assertThat(normalize("٠١٢٣٤٥٦٧٨٩")).isEqualTo("0123456789");
            assertThat(normalize("۰۱۲۳۴۵۶۷۸۹")).isEqualTo("0123456789");
            assertThat(normalize("٣٫٥ و٢٬٠٠٠ و٪١٩")).isEqualTo("3.5 و2,000 و%19");
            assertThat(normalize("१२३")).as("Devanagari digits").isEqualTo("123");
        }

        @Test
        void lowerCasesLatinWithoutLocaleSurprises() {
            assertThat(normalize("CNBC UFC MMA")).isEqualTo("cnbc ufc mma");
            assertThat(normalize("İSTANBUL")).isEqualTo("istanbul");
            assertThat(normalize("Ωmega")).isEqualTo("ωmega");
        }

        @Test
        void keepsWhitespaceAndPunctuation() {
            String text = "قال: “نعم”، ثم (لا)؟ حسنا؛ انتهى!\n\tسطر";
            assertThat(normalize(text)).isEqualTo("قال: “نعم”، ثم (لا)؟ حسنا؛ انتهي!\n\tسطر");
        }

        @Test
        void appliesNfkcToPresentationFormsAndCompatibilityChars() {
            assertThat(normalize("\uFEFB")).as("lam-alef ligature").isEqualTo("لا");
            assertThat(normalize("\uFEF7")).as("lam-alef with hamza ligature").isEqualTo("لا");
            assertThat(normalize("\uFE8F\uFEED\uFE95\uFEF1\uFEE5")).as("isolated forms").isEqualTo("بوتين");
            assertThat(normalize("\uFE91\uFEEE\uFE98\uFEF4\uFEE6")).as("contextual forms").isEqualTo("بوتين");
            assertThat(normalize("\uFDF2")).isEqualTo("الله");
            assertThat(normalize("\uFDFA")).isEqualTo("صلي الله عليه وسلم");
            assertThat(normalize("ＣＮＮ１２")).isEqualTo("cnn12");
            assertThat(normalize("متفائل… نحن")).isEqualTo("متفايل... نحن");
            assertThat(normalize("a\u00A0b\u2009c")).isEqualTo("a b c");
            assertThat(normalize("①ﬁ²")).isEqualTo("1fi2");
        }

        @Test
        void composesDecomposedInputLikeNfkc() {
            assertThat(normalize("ا\u0654حمد")).isEqualTo(normalize("أحمد"));
            assertThat(normalize("ا\u0653مل")).isEqualTo(normalize("آمل"));
            assertThat(normalize("مسو\u0654ول")).isEqualTo(normalize("مسؤول"));
            assertThat(normalize("Cafe\u0301")).isEqualTo("café");
            assertThat(normalize("E\u0301")).isEqualTo("é");
            assertThat(normalize("e\u200D\u0301")).as("joiner dropped before composing").isEqualTo("é");
            assertThat(normalize("e\u200F\u0301")).as("bidi mark dropped before composing").isEqualTo("é");
            assertThat(normalize("\u1100\u1161")).as("Hangul jamo").isEqualTo("가");
            assertThat(normalize("\u3131\u314F")).as("compatibility jamo").isEqualTo("가");
        }

        @Test
        void handlesSupplementaryChars() {
            assertThat(normalize("\uD835\uDC00\uD835\uDC01")).as("mathematical bold AB").isEqualTo("ab");
            assertThat(normalize("\uD83B\uDE00")).as("Arabic mathematical alef").isEqualTo("ا");
            assertThat(normalize("ok \uD83D\uDE00")).as("emoji kept").isEqualTo("ok \uD83D\uDE00");
            assertThat(normalize("\uD801\uDC00")).as("Deseret capital").isEqualTo("\uD801\uDC28");
        }

        @Test
        void isIdempotentForEveryBmpChar() {
            List<String> broken = new ArrayList<>();
            for (int c = 0; c < 0x10000; c++) {
                String once = normalize("x" + (char) c + "y");
                if (!normalize(once).equals(once)) {
                    broken.add(String.format("U+%04X", c));
                }
            }
            assertThat(broken).isEmpty();
        }

        @Test
        void isIdempotentWhereDroppingOrLowerCasingCreatesNewContext() {
            String[] tricky = {
                "\u24C9\u0653\u0344",       // circled T + marks: lower-casing makes t + U+0308 composable
                "\u1FFC\u0301",              // Greek capital omega with prosgegrammeni + acute
                "\u130F\u0345\uFF9F",        // halfwidth kana mark becomes a combining mark that reorders
                "\uD835\u0640\uDC00",        // a dropped tatweel between the halves of 𝐀
                "e\u200D\u0301",
            };
            for (String s : tricky) {
                String once = normalize(s);
                assertThat(normalize(once)).as("%s", s).isEqualTo(once);
            }
            assertThat(normalize("\uD835\u0640\uDC00")).isEqualTo("a");
        }

        @Test
        void isIdempotentOnSamples() {
            for (String sample : Samples.all()) {
                String once = normalize(sample);
                assertThat(normalize(once)).isSameAs(once);
                assertThat(ArabicNormalizer.isNormalized(once)).isTrue();
            }
        }

        @Test
        void returnsTheSameInstanceWhenNothingChanges() {
            String s = "بوتين في موسكو 2025 cnbc";
            assertThat(normalize(s)).isSameAs(s);
            assertThat(normalizeWithOffsets(s).text()).isSameAs(s);
            assertThat(normalize(new StringBuilder(s))).isEqualTo(s);
            assertThat(normalize("")).isEmpty();
        }
    }

    @Nested
    class Robustness {

        @Test
        void neverThrowsOnGarbage() {
            String garbage = "\u0000a\u0001\u001F\uD800b\uDC00\uDBFF\u007F\uFFFF\uFFFE\u0301\u064B\uD83D";
            assertThatCode(() -> normalize(garbage)).doesNotThrowAnyException();
            assertThat(normalize(garbage)).isEqualTo("\u0000a\u0001\u001F\uD800b\uDC00\uDBFF\u007F\uFFFF\uFFFE\u0301\uD83D");
            NormalizedText nt = normalizeWithOffsets(garbage);
            assertThat(nt.text()).isEqualTo(normalize(garbage));
        }

        @Test
        void leadingCombiningMarkHasNoBase() {
            assertThat(normalize("\u0301a")).isEqualTo("\u0301a");
            assertThat(normalize("\u064Eب")).isEqualTo("ب");
        }

        @Test
        void randomTextKeepsMappingInvariants() {
            Random random = new Random(42);
            char[] alphabet = ("ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآىةؤئ ءًٌٍَُِّْـ\u200C\u200D\u200F\u061C"
                    + "\uFEFB\uFDFA\u2026\u00A0١٢۳ABCabc.,:“”\u0301\u0300\u1100\u1161\uD835\uDC00\uD800\uDC00\u0000\n")
                    .toCharArray();
            for (int round = 0; round < 5000; round++) {
                char[] chars = new char[random.nextInt(40)];
                for (int k = 0; k < chars.length; k++) {
                    chars[k] = alphabet[random.nextInt(alphabet.length)];
                }
                String original = new String(chars);
                NormalizedText nt = normalizeWithOffsets(original);
                assertThat(nt.text()).isEqualTo(normalize(original));
                assertThat(normalize(nt.text())).as("idempotent on %s", original).isEqualTo(nt.text());
                int prevStart = 0;
                for (int k = 0; k < nt.length(); k++) {
                    int s = nt.originalStart(k);
                    int e = nt.originalEnd(k + 1);
                    assertThat(s).as("%s at %d", original, k).isBetween(prevStart, original.length());
                    assertThat(e).isBetween(s + 1, original.length());
                    prevStart = s;
                }
                assertThat(nt.originalStart(nt.length())).isLessThanOrEqualTo(original.length());
                assertThat(nt.originalEnd(0)).isLessThanOrEqualTo(nt.originalStart(0));
            }
        }
    }

    @Nested
    class Offsets {

        @Test
        void mapsAMatchBackToTheExactOriginalSurface() {
            String original = "الرئيسُ الأميركيّ دونالد ترمب";
            NormalizedText nt = normalizeWithOffsets(original);
            assertThat(nt.text()).isEqualTo("الرييس الاميركي دونالد ترمب");

            assertThat(surfaceOf(nt, "ترمب")).isEqualTo("ترمب");
            int k = nt.text().indexOf("ترمب");
            assertThat(nt.originalStart(k)).isEqualTo(original.indexOf("ترمب"));
            assertThat(nt.originalEnd(k + 4)).isEqualTo(original.length());

            assertThat(surfaceOf(nt, "الاميركي")).isEqualTo("الأميركيّ");
            assertThat(surfaceOf(nt, "الرييس")).isEqualTo("الرئيسُ");
            assertThat(surfaceOf(nt, "الاميركي دونالد")).isEqualTo("الأميركيّ دونالد");
        }

        @Test
        void tatweelAndMarksInsideAWordBelongToIt() {
            String original = "قال تـرمـــبُ اليوم";
            NormalizedText nt = normalizeWithOffsets(original);
            assertThat(nt.text()).isEqualTo("قال ترمب اليوم");
            assertThat(surfaceOf(nt, "ترمب")).isEqualTo("تـرمـــبُ");
        }

        @Test
        void bidiControlsAroundAWordAreNotPartOfIt() {
            String original = "\u200Fترمب\u200F قال";
            NormalizedText nt = normalizeWithOffsets(original);
            assertThat(nt.text()).isEqualTo("ترمب قال");
            assertThat(surfaceOf(nt, "ترمب")).isEqualTo("ترمب");
            assertThat(nt.originalStart(0)).isEqualTo(1);
        }

        @Test
        void ligaturesMapToTheWholeLigature() {
            String original = "\uFEFBبد من \uFEFBفتة";
            NormalizedText nt = normalizeWithOffsets(original);
            assertThat(nt.text()).isEqualTo("لابد من لافته");
            assertThat(surfaceOf(nt, "لابد")).isEqualTo("\uFEFBبد");
            assertThat(surfaceOf(nt, "لافته")).isEqualTo("\uFEFBفتة");
            int k = nt.text().indexOf("لافته");
            assertThat(nt.originalSubstring(k, k + 1)).as("half a ligature").isEqualTo("\uFEFB");
            assertThat(nt.originalSubstring(k + 1, k + 2)).isEqualTo("\uFEFB");
        }

        @Test
        void expansionsAndCompositionsKeepOffsetsRight() {
            NormalizedText nt = normalizeWithOffsets("Cafe\u0301 x… ﷲ ok");
            assertThat(nt.text()).isEqualTo("café x... الله ok");
            assertThat(surfaceOf(nt, "café")).isEqualTo("Cafe\u0301");
            assertThat(surfaceOf(nt, "...")).isEqualTo("…");
            assertThat(surfaceOf(nt, "الله")).isEqualTo("ﷲ");
            assertThat(surfaceOf(nt, "ok")).isEqualTo("ok");
        }

        @Test
        void presentationFormsWordMapsBack() {
            String original = "قال \uFE91\uFEEE\uFE98\uFEF4\uFEE6 اليوم";
            NormalizedText nt = normalizeWithOffsets(original);
            assertThat(surfaceOf(nt, "بوتين")).isEqualTo("\uFE91\uFEEE\uFE98\uFEF4\uFEE6");
            assertThat(nt.isIdentityMapping()).isTrue();
        }

        @Test
        void identityMappingCostsNothing() {
            NormalizedText nt = normalizeWithOffsets("أحمد وبوتين في موسكو");
            assertThat(nt.text()).isEqualTo("احمد وبوتين في موسكو");
            assertThat(nt.isIdentityMapping()).isTrue();
            assertThat(surfaceOf(nt, "احمد")).isEqualTo("أحمد");
        }

        @Test
        void everyWordOfTheSamplesMapsBackToItsOriginal() {
            for (String sample : Samples.all()) {
                NormalizedText nt = normalizeWithOffsets(sample);
                for (Token t : ArabicTokenizer.tokenize(sample)) {
                    int k = indexOfWord(nt.text(), t.normalized(), nt, t.start());
                    assertThat(nt.originalSubstring(k, k + t.normalized().length())).isEqualTo(t.surface());
                }
            }
        }

        @Test
        void edgeIndexes() {
            NormalizedText empty = normalizeWithOffsets("");
            assertThat(empty.originalStart(0)).isZero();
            assertThat(empty.originalEnd(0)).isZero();
            NormalizedText allDropped = normalizeWithOffsets("\u200F\u064E");
            assertThat(allDropped.text()).isEmpty();
            assertThat(allDropped.originalSubstring(0, 0)).isEmpty();
            NormalizedText nt = normalizeWithOffsets("بُ");
            assertThat(nt.originalStart(1)).isEqualTo(2);
            assertThat(nt.originalEnd(1)).isEqualTo(2);
        }

        private String surfaceOf(NormalizedText nt, String normalizedWord) {
            int k = nt.text().indexOf(normalizedWord);
            assertThat(k).as("'%s' in '%s'", normalizedWord, nt.text()).isNotNegative();
            return nt.originalSubstring(k, k + normalizedWord.length());
        }

        /** The occurrence of {@code word} whose original start is {@code originalStart}. */
        private int indexOfWord(String text, String word, NormalizedText nt, int originalStart) {
            for (int k = text.indexOf(word); k >= 0; k = text.indexOf(word, k + 1)) {
                if (nt.originalStart(k) == originalStart) {
                    return k;
                }
            }
            throw new AssertionError("no '" + word + "' at original " + originalStart);
        }
    }

    @Nested
    class CharBuffers {

        @Test
        void inPlaceGivesTheSameResultAsStrings() {
            for (String sample : Samples.all()) {
                for (Token t : ArabicTokenizer.tokenize(sample)) {
                    char[] buf = t.surface().toCharArray();
                    int len = ArabicNormalizer.normalize(buf, buf.length);
                    assertThat(new String(buf, 0, len)).isEqualTo(t.normalized());
                }
            }
            List<String> broken = new ArrayList<>();
            for (int c = 0; c < 0x10000; c++) {
                String s = "ا" + (char) c + "ب\u064E";
                char[] buf = Arrays.copyOf(s.toCharArray(), 32);
                int len = ArabicNormalizer.normalize(buf, s.length());
                if (!new String(buf, 0, len).equals(normalize(s))) {
                    broken.add(String.format("U+%04X", c));
                }
            }
            assertThat(broken).isEmpty();
        }

        @Test
        void asksForABiggerBufferWhenAnExpansionDoesNotFit() {
            char[] buf = {'\uFDFA'};
            int n = ArabicNormalizer.normalize(buf, 1);
            assertThat(n).isNegative();
            assertThat(~n).isEqualTo(normalize("\uFDFA").length());
            assertThat(buf[0]).as("untouched").isEqualTo('\uFDFA');
            char[] bigger = Arrays.copyOf(buf, ~n);
            n = ArabicNormalizer.normalize(bigger, 1);
            assertThat(new String(bigger, 0, n)).isEqualTo("صلي الله عليه وسلم");

            char[] lig = {'\uFEFB', 'ب', 'د', 0};
            assertThat(ArabicNormalizer.normalize(lig, 3)).isEqualTo(4);
            assertThat(new String(lig, 0, 4)).isEqualTo("لابد");
        }

        @Test
        void normalizeChar() {
            assertThat(ArabicNormalizer.normalizeChar('أ')).isEqualTo('ا');
            assertThat(ArabicNormalizer.normalizeChar('ة')).isEqualTo('ه');
            assertThat(ArabicNormalizer.normalizeChar('٣')).isEqualTo('3');
            assertThat(ArabicNormalizer.normalizeChar('A')).isEqualTo('a');
            assertThat(ArabicNormalizer.normalizeChar('\uFE8F')).isEqualTo('ب');
            assertThat(ArabicNormalizer.normalizeChar('\u064E')).isEqualTo(ArabicNormalizer.DROPPED);
            assertThat(ArabicNormalizer.normalizeChar('\u0640')).isEqualTo(ArabicNormalizer.DROPPED);
            assertThat(ArabicNormalizer.normalizeChar('\u200F')).isEqualTo(ArabicNormalizer.DROPPED);
            assertThat(ArabicNormalizer.normalizeChar('\uFEFB')).isEqualTo(ArabicNormalizer.NEEDS_CONTEXT);
            assertThat(ArabicNormalizer.normalizeChar('\u0301')).isEqualTo(ArabicNormalizer.NEEDS_CONTEXT);
            assertThat(ArabicNormalizer.normalizeChar('\uD800')).isEqualTo(ArabicNormalizer.NEEDS_CONTEXT);
        }
    }
}
