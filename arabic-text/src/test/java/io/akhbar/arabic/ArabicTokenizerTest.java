package io.akhbar.arabic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArabicTokenizerTest {

    private static List<String> surfaces(String text) {
        return ArabicTokenizer.tokenize(text).stream().map(Token::surface).toList();
    }

    private static List<String> normalized(String text) {
        return ArabicTokenizer.tokenize(text).stream().map(Token::normalized).toList();
    }

    private static List<String> sentences(String text) {
        return ArabicTokenizer.sentences(text).stream().map(Sentence::text).toList();
    }

    @Nested
    class Tokens {

        @Test
        void offsetsOnTheRealSamplesPointAtTheSurface() {
            for (String sample : Samples.all()) {
                List<Token> tokens = ArabicTokenizer.tokenize(sample);
                assertThat(tokens).hasSizeGreaterThan(300);
                int previousEnd = 0;
                for (Token t : tokens) {
                    assertThat(sample.substring(t.start(), t.end())).isEqualTo(t.surface());
                    assertThat(t.normalized()).isEqualTo(ArabicNormalizer.normalize(t.surface())).isNotEmpty();
                    assertThat(t.start()).isGreaterThanOrEqualTo(previousEnd);
                    previousEnd = t.end();
                }
            }
        }

        @Test
        void realPhenomenaFromTheSamples() {
            String sample = Samples.read("witkoff-kushner-moscow-davos.ar.txt");
            List<String> norm = ArabicTokenizer.tokenize(sample).stream().map(Token::normalized).toList();
            assertThat(norm).contains("ترمب", "ترامب", "الاميركي", "للرييس", "وكوشنر", "ويتكوف", "cnbc", "19",
                    "ب", "الايجابيه", "سيبلغ", "يقرون", "شاركها");
            assertThat(surfaces(sample)).contains("سيُبلّغ", "يقرّون", "بـ", "لافتاً", "CNBC");
            assertThat(surfaces(sample)).doesNotContain("“", "”", "،", ".", "..", "…", ":", "%");
            String other = Samples.read("witkoff-putin-third-meeting.ar.txt");
            assertThat(normalized(other)).contains("الامريكي", "وبوتين", "الناتو",
                    "ufc", "mma", "وفقا");
        }

        @Test
        void wordsWithTashkeelTatweelAndHamzaStayWhole() {
            List<Token> tokens = ArabicTokenizer.tokenize("قال الرئيسُ الأميركيّ: تـرمـــب!");
            assertThat(tokens).extracting(Token::surface).containsExactly("قال", "الرئيسُ", "الأميركيّ", "تـرمـــب");
            assertThat(tokens).extracting(Token::normalized).containsExactly("قال", "الرييس", "الاميركي", "ترمب");
            assertThat(tokens.get(1).start()).isEqualTo(4);
            assertThat(tokens.get(1).end()).isEqualTo(11);
        }

        @Test
        void numbersKeepInnerSeparators() {
            assertThat(surfaces("بلغ 3.5 مليار و2,000 جندي و19% و١٢٫٥ في 2024.")).containsExactly(
                    "بلغ", "3.5", "مليار", "و", "2,000", "جندي", "و", "19", "و", "١٢٫٥", "في", "2024");
            assertThat(normalized("١٢٫٥ ۱۲۳")).containsExactly("12.5", "123");
            assertThat(ArabicTokenizer.tokenize("3.5").get(0).isNumber()).isTrue();
            assertThat(ArabicTokenizer.tokenize("G20").get(0).isNumber()).isFalse();
            assertThat(surfaces("1.2.3 end. 4,")).containsExactly("1.2.3", "end", "4");
        }

        @Test
        void arabicNeverSharesATokenWithLatinOrDigits() {
            assertThat(surfaces("بـCNN و2024م وG20")).containsExactly("بـ", "CNN", "و", "2024", "م", "و", "G20");
            assertThat(ArabicTokenizer.tokenize("بوتين").get(0).isArabic()).isTrue();
            assertThat(ArabicTokenizer.tokenize("CNN").get(0).isArabic()).isFalse();
        }

        @Test
        void invisibleCharsStayInsideWordsButNeverAtTheEdges() {
            assertThat(surfaces("می\u200Cخواهیم")).containsExactly("می\u200Cخواهیم");
            assertThat(normalized("می\u200Cخواهیم")).containsExactly("ميخواهيم");
            assertThat(surfaces("\u200Fترمب\u200F قال\u200C")).containsExactly("ترمب", "قال");
            assertThat(surfaces("co\u00ADoperate")).containsExactly("co\u00ADoperate");
        }

        @Test
        void tatweelAloneIsNoToken() {
            assertThat(surfaces("ـــ قال ـ")).containsExactly("قال");
        }

        @Test
        void presentationFormsAndLigaturesTokenize() {
            List<Token> tokens = ArabicTokenizer.tokenize("\uFEFBبد من \uFE91\uFEEE\uFE98\uFEF4\uFEE6");
            assertThat(tokens).extracting(Token::normalized).containsExactly("لابد", "من", "بوتين");
        }

        @Test
        void rangeTokenizationKeepsOffsetsInTheWholeText() {
            String text = "أولا. قال بوتين اليوم.";
            Sentence second = ArabicTokenizer.sentences(text).get(1);
            List<Token> tokens = ArabicTokenizer.tokenize(text, second.start(), second.end());
            assertThat(tokens).extracting(Token::surface).containsExactly("قال", "بوتين", "اليوم");
            assertThat(text.substring(tokens.get(1).start(), tokens.get(1).end())).isEqualTo("بوتين");
        }

        @Test
        void garbageNeverThrows() {
            Random random = new Random(7);
            String pool = "اب .\u064E\u200C3,\uD83D\uDE00a“”؟\n";
            for (int round = 0; round < 2000; round++) {
                char[] chars = new char[random.nextInt(30)];
                for (int k = 0; k < chars.length; k++) {
                    chars[k] = random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : pool.charAt(random.nextInt(pool.length()));
                }
                String text = new String(chars);
                assertThatCode(() -> {
                    for (Token t : ArabicTokenizer.tokenize(text)) {
                        assertThat(text.substring(t.start(), t.end())).isEqualTo(t.surface());
                    }
                    for (Sentence s : ArabicTokenizer.sentences(text)) {
                        assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
                    }
                }).doesNotThrowAnyException();
            }
            assertThat(ArabicTokenizer.tokenize("")).isEmpty();
            assertThat(ArabicTokenizer.sentences("")).isEmpty();
            assertThat(surfaces("\u0000a\uD800b\uDC00")).containsExactly("a", "b");
        }
    }

    @Nested
    class Sentences {

        @Test
        void splitsOnArabicAndLatinTerminatorsAndNewlines() {
            assertThat(sentences("هل أتى؟ نعم! جاء؛ ثم ذهب. Then he left?\nسطر جديد"))
                    .containsExactly("هل أتى؟", "نعم!", "جاء؛", "ثم ذهب.", "Then he left?", "سطر جديد");
        }

        @Test
        void offsetsPointAtTheSentenceAndSkipBlankLines() {
            String text = "  الأولى.  \n\n\n  الثانية  ";
            List<Sentence> s = ArabicTokenizer.sentences(text);
            assertThat(s).extracting(Sentence::text).containsExactly("الأولى.", "الثانية");
            for (Sentence sentence : s) {
                assertThat(text.substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
            }
        }

        @Test
        void decimalsInitialsAndAbbreviationsDoNotSplit() {
            assertThat(sentences("ارتفع بنسبة 3.5 في المئة. وقال د. محمد إن U.S. officials met Mr. Smith today. Done."))
                    .containsExactly("ارتفع بنسبة 3.5 في المئة.",
                            "وقال د. محمد إن U.S. officials met Mr. Smith today.", "Done.");
            assertThat(sentences("ص.ب 123 في example.com هنا.")).hasSize(1);
        }

        @Test
        void marksBeforeTheDotDoNotHideTheWord() {
            assertThat(sentences("On a bu un cafe\u0301. Puis on est parti.")).hasSize(2);
            assertThat(sentences("وصل المبعوثُ. ثم غادر.")).hasSize(2);
            assertThat(sentences("قال دُ. محمد كلاما.")).hasSize(1);
        }

        @Test
        void aDotGluedBetweenTwoArabicWordsIsALostSpace() {
            assertThat(sentences("شاركها.وفقا للموقع الأمريكي.")).containsExactly("شاركها.", "وفقا للموقع الأمريكي.");
        }

        @Test
        void closingQuotesAndBracketsStayWithTheSentence() {
            assertThat(sentences("قال: “انتهى الأمر.” ثم غادر (بسرعة.) وانتهى."))
                    .containsExactly("قال: “انتهى الأمر.”", "ثم غادر (بسرعة.)", "وانتهى.");
        }

        @Test
        void terminatorsInsideAQuotationDoNotSplitIt() {
            String text = "وتابع: “لكن الروس هم من يطلبون هذا الاجتماع.. أعتقد أن هذا تصريح مهم من جانبهم”. "
                    + "وقال: “أنا متفائل… نحن بحاجة إلى السلام”.";
            assertThat(sentences(text)).containsExactly(
                    "وتابع: “لكن الروس هم من يطلبون هذا الاجتماع.. أعتقد أن هذا تصريح مهم من جانبهم”.",
                    "وقال: “أنا متفائل… نحن بحاجة إلى السلام”.");
        }

        @Test
        void anUnclosedQuotationReleasesItsBoundariesAtTheEndOfTheParagraph() {
            String text = "قال “كنت غاضبا. جاء ذلك في إشارة. ثم انتهى\nسطر";
            assertThat(sentences(text)).containsExactly("قال “كنت غاضبا.", "جاء ذلك في إشارة.", "ثم انتهى", "سطر");
        }

        @Test
        void mixedQuoteStylesFromTheSamples() {
            String text = "ووصف ويتكوف المحادثات، بـ”الإيجابية للغاية”، فيما ذكرت وكالة “تاس” الروسية ذلك. "
                    + "وقال في مقابلة مع شبكة إن بي سي نيوز”: “كنت غاضبا جدا، مؤكدا أن ذلك “لا يسير في الاتجاه الصحيح”. "
                    + "جاء ذلك في إشارة.";
            assertThat(sentences(text)).hasSize(3);
        }

        @Test
        void realSamplesSplitIntoSensibleSentences() {
            List<Sentence> first = ArabicTokenizer.sentences(Samples.read("witkoff-kushner-moscow-davos.ar.txt"));
            assertThat(first).hasSize(21);
            assertThat(first.get(0).text()).startsWith("قال ستيف ويتكوف").endsWith("مسؤولين أوكرانيين.");
            assertThat(first.get(2).text()).startsWith("وتابع:").endsWith("من جانبهم”.");
            assertThat(first.get(11).text()).isEqualTo("المحادثات تسير بشكل بناء");
            List<Sentence> second = ArabicTokenizer.sentences(Samples.read("witkoff-putin-third-meeting.ar.txt"));
            assertThat(second).extracting(Sentence::text)
                    .contains("وفي محاولة لكسر الجمود، التقى ويتكوف الأسبوع الماضي بمبعوث بوتين كيريل دميترييف في واشنطن.");
            for (String sample : Samples.all()) {
                for (Sentence s : ArabicTokenizer.sentences(sample)) {
                    assertThat(sample.substring(s.start(), s.end())).isEqualTo(s.text());
                    assertThat(s.text()).isEqualTo(s.text().strip());
                }
            }
        }
    }
}
