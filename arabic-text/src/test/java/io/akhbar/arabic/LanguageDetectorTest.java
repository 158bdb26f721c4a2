package io.akhbar.arabic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector();

    @Test
    void samplesAreArabicWithHighConfidence() {
        for (String sample : Samples.all()) {
            LanguageGuess guess = DETECTOR.detect(sample);
            assertThat(guess.code()).isEqualTo("ar");
            assertThat(guess.confidence()).isGreaterThan(0.9);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "قال الرئيس إن المفاوضات مستمرة مع الجانب الروسي",
        "وأكد مصدر مطلع أنه إذا لم يتم التوصل إلى اتفاق فقد يتجه ترامب لفرض عقوبات جديدة",
        "الرئيسُ الأميركيّ دونالد ترمب",
    })
    void arabicSentences(String text) {
        LanguageGuess guess = DETECTOR.detect(text);
        assertThat(guess.code()).isEqualTo("ar");
        assertThat(guess.confidence()).isGreaterThan(0.6);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "این یک آزمایش است و ما می‌خواهیم زبان را تشخیص دهیم",
        "وزیر امور خارجه ایران گفت که مذاکرات با آمریکا ادامه خواهد داشت.",
        "رئیس جمهور روسیه در این دیدار بر لزوم پایان جنگ تاکید کرد",
    })
    void persianIsNotArabic(String text) {
        LanguageGuess guess = DETECTOR.detect(text);
        assertThat(guess.code()).isEqualTo("fa");
        assertThat(guess.confidence()).isGreaterThan(0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "یہ ایک ٹیسٹ ہے اور ہم زبان کی شناخت کرنا چاہتے ہیں",
        "پاکستان کے وزیر اعظم نے کہا ہے کہ حکومت عوام کی خدمت کرے گی۔",
        "روس کے صدر پوتن نے امریکی ایلچی سے ملاقات کی",
    })
    void urduIsNeitherArabicNorPersian(String text) {
        LanguageGuess guess = DETECTOR.detect(text);
        assertThat(guess.code()).isEqualTo("ur");
        assertThat(guess.confidence()).isGreaterThan(0.5);
    }

    @Test
    void otherArabicScriptLanguagesAreNotArabic() {
        assertThat(DETECTOR.detect("زه په کابل کې اوسېږم او ښوونکی یم، زما ورور ډاکټر دی").code()).isEqualTo("ps");
        assertThat(DETECTOR.detect("من لە هەولێر دەژیم و مامۆستام لە زانکۆ").code()).isEqualTo("ku");
    }

    @Test
    void arabicTypedWithPersianYehIsStillArabic() {
        assertThat(DETECTOR.detect("قال الرئیس فی مؤتمر صحفی إن المفاوضات مستمرة").code()).isEqualTo("ar");
    }

    @Test
    void english() {
        LanguageGuess guess = DETECTOR.detect("Witkoff said he would travel to Moscow with Kushner on Thursday to meet the Russian president.");
        assertThat(guess.code()).isEqualTo("en");
        assertThat(guess.confidence()).isGreaterThan(0.8);
    }

    @Test
    void otherLatinLanguagesAreNotEnglish() {
        assertThat(DETECTOR.detect("Le président russe a reçu les envoyés américains dans la capitale pour des discussions sur la paix.").code())
                .isEqualTo("fr");
        assertThat(DETECTOR.detect("El presidente ruso recibió a los enviados de Estados Unidos en la capital para hablar de la paz.").code())
                .isEqualTo("es");
        assertThat(DETECTOR.detect("Der russische Präsident hat die Gesandten in der Hauptstadt empfangen und mit ihnen über den Frieden gesprochen.").code())
                .isEqualTo("de");
        assertThat(DETECTOR.detect("Donald Trump Vladimir Putin Steve Witkoff").code()).isEqualTo("und");
    }

    @Test
    void noLettersIsUndetermined() {
        assertThat(DETECTOR.detect("12345 !!!")).isEqualTo(LanguageGuess.UNDETERMINED);
        assertThat(DETECTOR.detect("")).isEqualTo(LanguageGuess.UNDETERMINED);
        assertThat(DETECTOR.detect("   \n٣٤ ،؟")).isEqualTo(LanguageGuess.UNDETERMINED);
        assertThat(DETECTOR.detect("12345 !!!").confidence()).isZero();
    }

    @Test
    void mixedTextGoesByMajority() {
        LanguageGuess arabic = DETECTOR.detect("وأوضح ويتكوف في مقابلة مع شبكة CNBC أن المحادثات مع الجانب الروسي كانت إيجابية للغاية");
        assertThat(arabic.code()).isEqualTo("ar");
        LanguageGuess english = DETECTOR.detect("The Kremlin (الكرملين) said that the talks with the American envoys were constructive and would go on.");
        assertThat(english.code()).isEqualTo("en");
        assertThat(english.confidence()).isLessThan(DETECTOR.detect("The Kremlin said that the talks with the American envoys were constructive and would go on.").confidence());
    }

    @Test
    void aSingleShortWordIsNotVeryConfident() {
        LanguageGuess guess = DETECTOR.detect("بوتين");
        assertThat(guess.code()).isEqualTo("ar");
        assertThat(guess.confidence()).isLessThan(0.6);
    }

    @Test
    void otherScripts() {
        assertThat(DETECTOR.detect("שלום עולם ומה שלומך").code()).isEqualTo("he");
        assertThat(DETECTOR.detect("Привет, как дела у вас сегодня").code()).isEqualTo("und");
        assertThat(DETECTOR.detect("こんにちは、世界").code()).isEqualTo("ja");
        assertThat(DETECTOR.detect("안녕하세요 세계").code()).isEqualTo("ko");
    }

    @Test
    void garbageNeverThrowsAndConfidenceStaysInRange() {
        Random random = new Random(3);
        for (int round = 0; round < 2000; round++) {
            char[] chars = new char[random.nextInt(50)];
            for (int k = 0; k < chars.length; k++) {
                chars[k] = (char) random.nextInt(0x10000);
            }
            String text = new String(chars);
            assertThatCode(() -> {
                LanguageGuess g = DETECTOR.detect(text);
                assertThat(g.confidence()).isBetween(0.0, 1.0);
            }).doesNotThrowAnyException();
        }
        assertThatCode(() -> DETECTOR.detect("\u0000\uD800\uDC00\uDBFF")).doesNotThrowAnyException();
    }
}
