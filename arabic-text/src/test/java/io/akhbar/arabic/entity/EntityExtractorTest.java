package io.akhbar.arabic.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.akhbar.arabic.TokenizedText;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityExtractorTest {

    private static final EntityExtractor EXTRACTOR = new EntityExtractor();

    /** id → surfaces of its mentions, in order. */
    private static Map<String, List<String>> mentions(String text) {
        return EXTRACTOR.extract(text).stream().collect(Collectors.toMap(ExtractedEntity::id,
                e -> e.mentions().stream().map(EntityMention::surface).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "التقى ويتكوف وبوتين أمس, person:vladimir-putin, بوتين",
        "أرسل رسالة لبوتين أمس, person:vladimir-putin, بوتين",
        "وصل الوفد بموسكو أمس, location:moscow, موسكو",
        "بين واشنطن وموسكو, location:moscow, موسكو",
        "قال مستشار للكرملين, organization:kremlin, كرملين",
        "أعلنت بريطانيا والناتو, organization:nato, الناتو",
        "مصادر بالكرملين قالت, organization:kremlin, الكرملين",
        "قال مسؤول للروس, location:ru, روس",
    })
    void findsNamesBehindGluedClitics(String text, String id, String surface) {
        assertThat(mentions(text)).containsEntry(id, List.of(surface));
    }

    @Test
    void spellingVariantsShareOneId() {
        Map<String, List<String>> found = mentions(
                "قال ترمب إن ترامب لن يتراجع. زابوريجيا أو زابوروجيا أو زابوروجيه. الرئيس الأمريكي والوفد الأميركي. "
                        + "كيريل دميترييف وديمترييف. بيسكوف وبسكوف. زيلنسكي وزيلينسكي.");
        assertThat(found.get("person:donald-trump")).containsExactly("ترمب", "ترامب");
        assertThat(found.get("location:zaporizhzhia")).containsExactly("زابوريجيا", "زابوروجيا", "زابوروجيه");
        assertThat(found.get("location:us")).containsExactly("الأمريكي", "الأميركي");
        assertThat(found.get("person:kirill-dmitriev")).containsExactly("كيريل دميترييف", "ديمترييف");
        assertThat(found.get("person:dmitry-peskov")).containsExactly("بيسكوف", "بسكوف");
        assertThat(found.get("person:volodymyr-zelensky")).containsExactly("زيلنسكي", "زيلينسكي");
    }

    @Test
    void anUnlistedTransliterationMatchesBySkeleton() {
        assertThat(mentions("انتقد بنيامين نتانياهو القرار")).containsEntry("person:benjamin-netanyahu", List.of("بنيامين نتانياهو"));
        assertThat(mentions("وصل ويتكووف إلى المدينة")).containsEntry("person:steve-witkoff", List.of("ويتكووف"));
    }

    @Test
    void multiWordNamesAndTitlesAreOneMentionWithoutTheTitle() {
        Map<String, List<String>> found = mentions("قال وزير الخارجية ماركو روبيو على هامش قمة حلف شمال الأطلسي (الناتو) "
                + "في المنتدى الاقتصادي العالمي إن شبه جزيرة القرم أوكرانية، وفق قناة روسيا اليوم.");
        assertThat(found.get("person:marco-rubio")).containsExactly("ماركو روبيو");
        assertThat(found.get("organization:nato")).containsExactly("حلف شمال الأطلسي", "الناتو");
        assertThat(found.get("organization:world-economic-forum")).containsExactly("المنتدى الاقتصادي العالمي");
        assertThat(found.get("location:crimea")).containsExactly("شبه جزيرة القرم");
        assertThat(found.get("organization:rt")).containsExactly("روسيا اليوم");
        assertThat(found.get("location:ua")).containsExactly("أوكرانية");
        assertThat(found).doesNotContainKey("location:ru");
    }

    @Test
    void findsPeopleInNoListFromTitlesSpeechVerbsAppositionsAndGivenNames() {
        Map<String, List<String>> found = mentions(
                "قال المتحدث باسم الخارجية الفرنسية كريستوف لوموان إن باريس تدعم الاتفاق. وأضاف أندرياس مولر، نائب رئيس "
                        + "البرلمان، أن برلين مستعدة. وأكد سامر خليل أن الوضع صعب، والتقى كريستين ويلكر. وقال لوموان لاحقا إن...");
        assertThat(found.get("person:x-كريستوف-لوموان")).containsExactly("كريستوف لوموان", "لوموان");
        assertThat(found.get("person:x-اندرياس-مولر")).containsExactly("أندرياس مولر");
        assertThat(found.get("person:x-سامر-خليل")).containsExactly("سامر خليل");
        assertThat(found.get("person:x-كريستين-ويلكر")).containsExactly("كريستين ويلكر");
        ExtractedEntity lemoine = EXTRACTOR.extract("قال المتحدث كريستوف لوموان إن").get(0);
        assertThat(lemoine.isKnown()).isFalse();
        assertThat(lemoine.nameAr()).isEqualTo("كريستوف لوموان");
        assertThat(lemoine.nameEn()).isNull();
    }

    @Test
    void wordsAfterCuesThatAreNoNamesMakeNoPerson() {
        assertThat(mentions("وأكد مصدر مطلع أن الاجتماع تأجل. وقال الزعيم الجمهوري في مقابلة إن الوضع صعب. "
                + "ولم يجب متحدث باسم وزارة الخارجية فورا على طلب. وذكرت تقارير أن اللقاء استمر. وتابع: لا جديد."))
                .isEmpty();
    }

    @Test
    void longArabicNamesKeepTheirConnectors() {
        assertThat(mentions("وأكد رئيس الوزراء الشيخ محمد بن عبد الرحمن آل ثاني أن الوساطة مستمرة"))
                .containsEntry("person:x-محمد-بن-عبد-الرحمن-ال-ثاني", List.of("محمد بن عبد الرحمن آل ثاني"));
        assertThat(mentions("وقال عبد الفتاح البرهان إن الجيش مستعد"))
                .containsEntry("person:x-عبد-الفتاح-البرهان", List.of("عبد الفتاح البرهان"));
    }

    @Test
    void commonWordsThatSpellANameAreNotMatched() {
        assertThat(mentions("قال إن العجز مالي بحت وإن الدعم المالي تأخر، ثم عاد إلى مسقط رأسه")).isEmpty();
        assertThat(mentions("زار الوزير جمهورية مالي")).containsEntry("location:ml", List.of("جمهورية مالي"));
        assertThat(mentions("وصل إلى مسقط أمس")).containsKey("location:muscat");
    }

    @Test
    void latinNamesMatchOnlyWithTheirCapitals() {
        assertThat(mentions("مقابلة مع شبكة CNBC وحلف NATO")).containsKeys("organization:cnbc", "organization:nato");
        assertThat(mentions("we met us and who knows the nato rules")).isEmpty();
        assertThat(mentions("The US and the WHO met Putin in Moscow"))
                .containsOnlyKeys("location:us", "organization:who", "person:vladimir-putin", "location:moscow");
    }

    @Test
    void offsetsPointIntoTheOriginalTextWhateverItsDiacriticsAndTatweel() {
        String text = "وَبُوتِين التقى وبـــوتين في مُوسْكُو، والنّاتُو";
        for (ExtractedEntity e : EXTRACTOR.extract(text)) {
            for (EntityMention m : e.mentions()) {
                assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface());
                assertThat(m.field()).isEqualTo(EntityExtractor.BODY);
            }
        }
        assertThat(mentions(text)).containsEntry("person:vladimir-putin", List.of("بُوتِين", "بـــوتين"))
                .containsEntry("location:moscow", List.of("مُوسْكُو")).containsEntry("organization:nato", List.of("النّاتُو"));
    }

    @Test
    void titleMentionsComeFirstAndMakeAnEntitySalient() {
        List<ExtractedEntity> found = EXTRACTOR.extract(TokenizedText.of("ويتكوف يلتقي بوتين"),
                TokenizedText.of("قال ترامب إن ترامب وترامب وترامب يريدون السلام، وإن ويتكوف سيسافر للقاء بوتين في موسكو."));
        assertThat(found).extracting(ExtractedEntity::salience).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        ExtractedEntity moscow = found.stream().filter(e -> e.id().equals("location:moscow")).findFirst().orElseThrow();
        ExtractedEntity witkoff = found.stream().filter(e -> e.id().equals("person:steve-witkoff")).findFirst().orElseThrow();
        assertThat(witkoff.mentions()).extracting(EntityMention::field).containsExactly(EntityExtractor.TITLE, EntityExtractor.BODY);
        assertThat(witkoff.salience()).as("in the title, though mentioned as often").isGreaterThan(moscow.salience());
        assertThat(found.get(0).id()).as("mentioned most").isEqualTo("person:donald-trump");
    }

    @Test
    void emptyAndLetterlessTextsHaveNoEntities() {
        assertThat(EXTRACTOR.extract("")).isEmpty();
        assertThat(EXTRACTOR.extract("!!! 123 ؟؟؟ «» ...")).isEmpty();
        assertThat(EXTRACTOR.extract(TokenizedText.empty(), TokenizedText.empty())).isEmpty();
    }
}
