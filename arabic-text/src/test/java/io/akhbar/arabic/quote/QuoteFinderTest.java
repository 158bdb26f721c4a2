package io.akhbar.arabic.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.akhbar.arabic.Samples;
import io.akhbar.arabic.TokenizedText;
import io.akhbar.arabic.entity.EntityExtractor;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteFinderTest {

    private static final EntityExtractor ENTITIES = new EntityExtractor();
    private static final QuoteFinder QUOTES = new QuoteFinder();

    private static List<Quotation> quotes(String text) {
        TokenizedText t = TokenizedText.of(text);
        List<Quotation> found = QUOTES.find(t, ENTITIES.extract(TokenizedText.empty(), t));
        found.forEach(q -> assertThat(text.substring(q.start(), q.end())).isEqualTo(q.text()));
        return found;
    }

    @Test
    void attributesTheSampleQuotesToTheirSpeakers() {
        List<Quotation> putin = quotes(Samples.read("witkoff-putin-third-meeting.ar.txt"));
        assertThat(putin).extracting(Quotation::speakerId).containsExactly(
                null,                     // «كنت غاضبا...»: said by «الزعيم الجمهوري», no name in the sentence
                null,                     // continues it
                "person:marco-rubio",
                "person:marco-rubio",     // «وأضاف قائلا»
                "person:donald-trump");
        assertThat(putin.get(4).text()).isEqualTo(
                "نحرز تقدما. ونأمل أن نقترب نسبيا من التوصل إلى اتفاق بين روسيا وأوكرانيا لوقف القتال");
        assertThat(putin.get(4).speakerName()).isEqualTo("دونالد ترامب");
        assertThat(putin.get(0).text()).as("an unclosed quotation ends at its last comma")
                .isEqualTo("كنت غاضبا جدا – منزعجا – عندما بدأ بوتين في التشكيك بمصداقية زيلينسكي");

        List<Quotation> davos = quotes(Samples.read("witkoff-kushner-moscow-davos.ar.txt"));
        assertThat(davos).extracting(Quotation::speakerId).containsExactly(
                "person:steve-witkoff",   // وأوضح ويتكوف ...: “حسناً...”
                "person:steve-witkoff",   // وتابع: “لكن الروس...”
                "person:steve-witkoff",   // وصرح ويتكوف ... قائلاً: “نعتزم...”
                "person:steve-witkoff",   // مضيفاً أن كوشنر ...: “أنا متفائل...” (كوشنر is the subject of أن)
                null,                     // مبعوثا ترمب: Trump's envoys, not Trump
                null,                     // قال مبعوث الرئيس الروسي: unnamed
                null,
                "person:dmitry-peskov");  // وأشار بيسكوف إلى أن دميترييف ... ولفت إلى أن روسيا “تؤيد...”
    }

    @Test
    void quotedNamesAndTermsAreNotSpeech() {
        assertThat(quotes("ذكرت وكالة “تاس” أن الاتفاق “إيجابي” وأن «روسيا اليوم» تحت “إدارة مؤقتة”.")).isEmpty();
    }

    @Test
    void findsTheSpeakerAfterTheQuotationOrBeforeItWithoutVerb() {
        assertThat(quotes("«لن نتراجع عن مواقفنا أبدا»، قال بوتين للصحفيين."))
                .extracting(Quotation::speakerId).containsExactly("person:vladimir-putin");
        assertThat(quotes("ترامب: «سنفرض رسوما جديدة على الواردات»"))
                .extracting(Quotation::speakerId).containsExactly("person:donald-trump");
    }

    @Test
    void aSpeechVerbWithAnUnnamedSubjectAttributesToNobody() {
        assertThat(quotes("التقى ويتكوف وبوتين أمس، في اجتماع وصفه مستشار للكرملين بأنه «عملي ومفيد للغاية»."))
                .extracting(Quotation::speakerId).containsOnlyNulls();
    }

    @Test
    void mixedQuotationMarksPairByContext() {
        assertThat(quotes("قال زيلينسكي إن \"روسيا لا تريد إنهاء الحرب\"، مشيرا إلى أن كييف ”مستعدة لوقف إطلاق النار فورا”."))
                .extracting(Quotation::text, Quotation::speakerId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("روسيا لا تريد إنهاء الحرب", "person:volodymyr-zelensky"),
                        org.assertj.core.groups.Tuple.tuple("مستعدة لوقف إطلاق النار فورا", "person:volodymyr-zelensky"));
    }

    @Test
    void degenerateQuotationMarksEndInLinearTime() {
        String marks = "\"".repeat(100_000) + "«".repeat(100_000) + "”".repeat(100_000);
        assertThat(quotes(marks)).isEmpty();
        assertThat(quotes("«" + "كلمة ".repeat(10_000))).isEmpty();
    }
}
