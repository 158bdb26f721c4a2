package io.akhbar.arabic.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.akhbar.arabic.ArabicNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Writes {@code io/akhbar/arabic/entity/places-cldr.tsv}, the Arabic names of countries and cities
 * that the gazetteer starts from, out of the CLDR data that ships with the JDK (module
 * jdk.localedata): country names through {@link Locale#getDisplayCountry(Locale)}, city names from
 * the time-zone exemplar cities, which the JDK has but exposes through no public API (hence the
 * {@code --add-exports} in this module's Surefire configuration). ICU4J holds the same CLDR data;
 * the JDK spares the build a dependency.
 *
 * <p>The file is generated once and committed, so that the runtime (the services, the
 * Elasticsearch plugin on whatever JVM) sees exactly these names. The test checks that the
 * committed file is what the running JDK produces, when it is the JDK the file was made with.
 * Regenerate with {@code ./mvnw -pl arabic-text test -Dtest=PlaceNamesGenerator -Dakhbar.regenerate=true}.
 */
class PlaceNamesGenerator {

    static final Path COMMITTED = Path.of("src/main/resources/io/akhbar/arabic/entity/places-cldr.tsv");
    private static final Locale AR = Locale.forLanguageTag("ar");

    /** Zones whose exemplar city is a different place in the news, or no place at all. */
    private static final Set<String> SKIPPED_ZONE_PREFIXES = Set.of(
            "Etc/", "Antarctica/", "America/Indiana/", "America/North_Dakota/", "America/Kentucky/",
            "America/Argentina/", "America/Lower_Princes", "Asia/Hong_Kong", "Asia/Macau");

    /**
     * Exemplar cities whose Arabic name is a common word or a given name (نوم sleep, ترك left,
     * كوري Korean, سمراء brown, ماهي what is, كريسماس Christmas, العيون the eyes...): matching them
     * would find places in every article.
     */
    private static final Set<String> AMBIGUOUS_CITY_NAMES = Set.of(
            "نوم", "ترك", "كوري", "سمراء", "ماهي", "واك", "سنتر", "جوني", "ديلي", "ثيل", "استر", "كناري",
            "بلم", "العيون", "ريجينا", "دارون", "برثا", "أبيا", "باناب", "كريسماس", "أورال", "سيتا", "بويس",
            "كوكوس", "ماكسار", "جوجو", "ريسيف", "كوسرا", "فارو");

    /** English names the news uses today instead of the zone id's. */
    private static final Map<String, String> ENGLISH_NAMES = Map.ofEntries(
            Map.entry("Europe/Kiev", "Kyiv"), Map.entry("Europe/Zaporozhye", "Zaporizhzhia"),
            Map.entry("Europe/Uzhgorod", "Uzhhorod"), Map.entry("Asia/Calcutta", "Kolkata"),
            Map.entry("Asia/Saigon", "Ho Chi Minh City"), Map.entry("Asia/Rangoon", "Yangon"),
            Map.entry("Asia/Katmandu", "Kathmandu"), Map.entry("America/Godthab", "Nuuk"),
            Map.entry("Atlantic/Faeroe", "Faroe"), Map.entry("Pacific/Truk", "Chuuk"),
            Map.entry("Pacific/Ponape", "Pohnpei"), Map.entry("Africa/Asmera", "Asmara"),
            Map.entry("America/Coral_Harbour", "Atikokan"), Map.entry("Pacific/Enderbury", "Kanton"));

    @Test
    void committedFileIsWhatTheJdkCldrDataGives() throws IOException {
        ResourceBundle cities = exemplarCities();
        assumeTrue(cities != null, "the JDK's CLDR time-zone names are not accessible (jdk.localedata not exported)");
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        String generated = generate(cities);
        if (Boolean.getBoolean("akhbar.regenerate")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
            return;
        }
        String madeWith = committed.lines().filter(l -> l.startsWith("# java.specification.version="))
                .findFirst().orElse("").replace("# java.specification.version=", "");
        assumeTrue(madeWith.equals(System.getProperty("java.specification.version")),
                "the committed file was made with Java " + madeWith + "; another JDK carries another CLDR version");
        assertThat(committed).as("regenerate with -Dakhbar.regenerate=true").isEqualTo(generated);
    }

    static String generate(ResourceBundle cities) {
        Map<String, String> lines = new TreeMap<>();
        Set<String> countryKeys = new HashSet<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            String ar = clean(country.getDisplayCountry(AR));
            String en = clean(country.getDisplayCountry(Locale.ENGLISH));
            if (ar.isEmpty() || ar.equals(en)) {
                continue; // no Arabic name in this CLDR
            }
            String id = "location:" + code.toLowerCase(Locale.ROOT);
            lines.put(id, String.join("\t", id, "LOCATION", "country:" + code, en, ar));
            countryKeys.add(ArabicNormalizer.normalize(ar));
            countryKeys.add(en.toLowerCase(Locale.ROOT));
        }
        for (String key : Collections.list(cities.getKeys())) {
            if (!key.startsWith("timezone.excity.")) {
                continue;
            }
            String zone = key.substring("timezone.excity.".length());
            String ar = clean(String.valueOf(cities.getObject(key)));
            String en = ENGLISH_NAMES.getOrDefault(zone, zone.substring(zone.lastIndexOf('/') + 1).replace('_', ' '));
            if (SKIPPED_ZONE_PREFIXES.stream().anyMatch(zone::startsWith) || ar.contains("،")
                    || AMBIGUOUS_CITY_NAMES.contains(ar) || ArabicNormalizer.normalize(ar).length() < 3
                    || countryKeys.contains(ArabicNormalizer.normalize(ar)) || countryKeys.contains(en.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String id = "location:" + slug(en);
            if (lines.containsKey(id)) {
                id = "location:" + slug(zone);
            }
            lines.put(id, String.join("\t", id, "LOCATION", "zone:" + zone, en, ar));
        }
        StringBuilder out = new StringBuilder();
        out.append("# Arabic names of countries (ISO 3166) and cities (time-zone exemplar cities) from the CLDR data\n");
        out.append("# of the JDK (module jdk.localedata). GENERATED by PlaceNamesGenerator in the arabic-text tests:\n");
        out.append("# do not edit; corrections, variants and demonyms go to entities.tsv, which wins on the same id.\n");
        out.append("# java.specification.version=").append(System.getProperty("java.specification.version")).append('\n');
        out.append("# id\ttype\tsource\tname_en\tname_ar\n");
        lines.values().forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    /** Drops CLDR's qualifiers: «هونغ كونغ الصينية (منطقة إدارية خاصة)», «Myanmar (Burma)». */
    private static String clean(String name) {
        int paren = name.indexOf('(');
        return (paren >= 0 ? name.substring(0, paren) : name).strip();
    }

    static String slug(String english) {
        String ascii = Normalizer.normalize(english, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** The Arabic time-zone names bundle of the JDK's CLDR provider, or null when it cannot be read. */
    static ResourceBundle exemplarCities() {
        try {
            Object bundle = Class.forName("sun.util.resources.cldr.ext.TimeZoneNames_ar").getDeclaredConstructor().newInstance();
            return (ResourceBundle) bundle;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
