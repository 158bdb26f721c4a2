package io.akhbar.arabic.entity;

import io.akhbar.arabic.ArabicNormalizer;
import io.akhbar.arabic.ArabicTokenizer;
import io.akhbar.arabic.Token;
import java.util.ArrayList;
import java.util.List;

/** How names are written: the readings of a token that may hide a name, and spelling skeletons. */
final class NameForms {

    /** At most: the token, without و/ف, and each of those without ب/ك/ل or with لل read as ال. */
    static final int MAX_READINGS = 6;

    private NameForms() {
    }

    /**
     * Readings of a normalized token for name lookup, the token itself first, and how many of its
     * normalized chars each reading drops from the front. Unlike {@link io.akhbar.arabic.Clitics}
     * the article is never removed: a name either has it (الكرملين) or cannot take it (روسيا, and
     * مالي the country is not المالي «the financial»). Conjunction و ف, then preposition ب ك ل; لل
     * is ل + the article whose alef is not written, so للكرملين is read الكرملين (dropping لل).
     * Returns the number of readings written into the arrays.
     */
    static int readings(String token, String[] keys, int[] dropped) {
        int count = 0;
        keys[count] = token;
        dropped[count++] = 0;
        int n = token.length();
        if (n < 3 || !isArabicLetter(token.charAt(0))) {
            return count;
        }
        String afterConjunction = null;
        char first = token.charAt(0);
        if ((first == 'و' || first == 'ف') && n >= 3) {
            afterConjunction = token.substring(1);
            keys[count] = afterConjunction;
            dropped[count++] = 1;
        }
        count = addPrepositionReadings(token, 0, keys, dropped, count);
        if (afterConjunction != null) {
            count = addPrepositionReadings(afterConjunction, 1, keys, dropped, count);
        }
        return count;
    }

    private static int addPrepositionReadings(String s, int before, String[] keys, int[] dropped, int count) {
        int n = s.length();
        if (n >= 4 && s.charAt(0) == 'ل' && s.charAt(1) == 'ل') {
            keys[count] = "ال" + s.substring(2);
            dropped[count++] = before + 2;
        }
        char c = s.charAt(0);
        if ((c == 'ب' || c == 'ك' || c == 'ل') && n >= 3) {
            keys[count] = s.substring(1);
            dropped[count++] = before + 1;
        }
        return count;
    }

    static boolean isArabicLetter(char c) {
        return c >= '\u0620' && c <= '\u064A' || c >= '\u066E' && c <= '\u06D3';
    }

    /**
     * The consonant skeleton of a normalized word: the first and last letter kept, the long vowels
     * ا و ي in between dropped. Transliterated names differ mostly in those (ترمب/ترامب,
     * دميترييف/ديمترييف, بيسكوف/بسكوف, زابوريجيا/زابوروجيا all share a skeleton).
     */
    static String skeleton(String word) {
        int n = word.length();
        if (n < 4) {
            return word;
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(word.charAt(0));
        for (int k = 1; k < n - 1; k++) {
            char c = word.charAt(k);
            if (c != 'ا' && c != 'و' && c != 'ي') {
                sb.append(c);
            }
        }
        sb.append(word.charAt(n - 1));
        return sb.toString();
    }

    /** The normalized tokens of a phrase («حلف شمال الأطلسي» → [حلف, شمال, الاطلسي]). */
    static List<String> tokens(String phrase) {
        List<Token> tokens = ArabicTokenizer.tokenize(phrase);
        List<String> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            out.add(t.normalized());
        }
        return out;
    }

    /**
     * The forms of a nisba demonym given in the masculine singular (روسي): feminine, duals and
     * plurals, each also with the article. Irregular plurals (روس) are taken as they are.
     */
    static List<String> demonymForms(String demonym) {
        String stem = ArabicNormalizer.normalize(demonym.strip());
        List<String> forms = new ArrayList<>(16);
        if (stem.endsWith("ي")) {
            for (String suffix : new String[] {"", "ه", "ان", "ين", "ون", "ات", "تان", "تين"}) {
                forms.add(stem + suffix);
            }
        } else {
            forms.add(stem);
        }
        int n = forms.size();
        for (int k = 0; k < n; k++) {
            forms.add("ال" + forms.get(k));
        }
        return forms;
    }

    /** Whether the normalized char sequence has Latin letters only where it has letters at all. */
    static boolean isLatin(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isLetter(c) && !(c < 0x250)) {
                return false;
            }
        }
        return true;
    }
}
