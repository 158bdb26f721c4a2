package io.akhbar.arabic;

/**
 * Fast language identification for news text, in one pass and without allocation beyond a small
 * word buffer. Built to tell Arabic from Persian and Urdu, which share the script: Arabic uses ي ك
 * ة ى where Persian and Urdu use ی ک, Persian and Urdu have پ چ ژ گ, Urdu has ٹ ڈ ڑ ں ے ھ ہ, and
 * each has frequent function words that the others lack; Pashto (ټ ډ ړ ښ ګ...) and Sorani Kurdish
 * (ڕ ڵ ۆ ێ ە) are recognised by their letters. Latin text is English when English
 * function words dominate; French, Spanish and German are recognised the same way, any other
 * Latin text is {@code und}. A few scripts that identify their language (Hebrew, Greek, Thai,
 * Hangul, kana, Han) are mapped directly; everything else is {@code und}.
 *
 * <p>Confidence combines the share of letters in the winning script, how clearly the winner beats
 * its rivals, and the amount of text (a single short word is never very confident).
 *
 * <p>Stateless and thread-safe.
 */
public final class LanguageDetector {

    private static final WordSet ARABIC_WORDS = WordSet.of(
            "في", "فى", "من", "على", "علي", "إلى", "الى", "إلي", "أن", "ان", "إن", "التي", "التى",
            "الذي", "الذى", "عن", "مع", "هذا", "هذه", "كان", "كانت", "قد", "لم", "لن", "ذلك", "بين",
            "كما", "حيث", "منذ", "عند", "حتى", "لكن", "ثم", "أو", "هو", "هي", "وفي", "ومن", "الذين",
            "إنه", "أنه", "قال", "وقال", "ولا", "فيه", "عليه");
    private static final WordSet PERSIAN_WORDS = WordSet.of(
            "است", "این", "آن", "که", "را", "می", "های", "برای", "از", "در", "با", "یک", "ها", "شد",
            "شده", "بود", "کرد", "کند", "خود", "نیز", "تا", "اما", "باید", "هست", "نمی", "ای", "آنها",
            "کشور", "گفت", "وی", "اين", "كه", "براي", "هاي", "مي", "يك", "نيز");
    private static final WordSet URDU_WORDS = WordSet.of(
            "ہے", "ہیں", "کے", "کی", "کا", "میں", "اور", "سے", "کہ", "کو", "نے", "یہ", "وہ", "پر",
            "ایک", "بھی", "تھا", "تھی", "تھے", "گیا", "گئی", "جو", "ہو", "کر", "ہوں", "نہیں", "رہے",
            "اس", "کہا");
    private static final WordSet ENGLISH_WORDS = WordSet.of(
            "the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "be",
            "by", "this", "are", "from", "at", "or", "an", "have", "not", "but", "has", "had", "were",
            "which", "will", "would", "their", "they", "he", "she", "his", "her", "its", "been", "who",
            "we", "you", "said", "after", "about", "more", "than", "can", "also", "there", "what");
    private static final WordSet FRENCH_WORDS = WordSet.of(
            "le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "en", "que", "qui", "dans",
            "pour", "pas", "sur", "au", "aux", "avec", "ce", "il", "elle", "sont", "par", "plus", "ont",
            "été", "mais", "ou", "se", "son", "sa", "nous", "vous", "cette", "être");
    private static final WordSet SPANISH_WORDS = WordSet.of(
            "el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "es", "por", "con",
            "para", "no", "se", "su", "al", "lo", "como", "más", "pero", "sus", "ha", "fue", "son",
            "está", "muy", "este", "esta", "también");
    private static final WordSet GERMAN_WORDS = WordSet.of(
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "von", "mit", "sich",
            "des", "auf", "für", "im", "dem", "auch", "es", "als", "nach", "wie", "bei", "aus", "wird",
            "sind", "hat", "oder", "aber", "sie", "er", "ich", "wir");

    private static final int MAX_WORD = 12;

    // Letter groups, counted in one pass.
    private static final int G_ARABIC = 0;
    private static final int G_LATIN = 1;
    private static final int G_HEBREW = 2;
    private static final int G_GREEK = 3;
    private static final int G_THAI = 4;
    private static final int G_HANGUL = 5;
    private static final int G_KANA = 6;
    private static final int G_HAN = 7;
    private static final int G_OTHER = 8;
    private static final String[] GROUP_CODES = {"ar", "en", "he", "el", "th", "ko", "ja", "zh", "und"};

    public LanguageDetector() {
    }

    public LanguageGuess detect(CharSequence text) {
        int[] groups = new int[9];
        int arOnly = 0;      // ي ك ة ى
        int faUrShared = 0;  // ی ک پ چ ژ گ
        int urOnly = 0;      // ٹ ڈ ڑ ں ے ۓ ھ ہ ۂ
        int heh = 0;         // ه: Persian writes it where Urdu writes ہ
        int psOnly = 0;      // ټ ډ ړ ږ ښ ګ ڼ ځ څ ۍ
        int kuOnly = 0;      // ڕ ڵ ۆ ێ ە (Sorani Kurdish)
        int fwAr = 0;
        int fwFa = 0;
        int fwUr = 0;
        int fwEn = 0;
        int fwFr = 0;
        int fwEs = 0;
        int fwDe = 0;
        int latinWords = 0;

        char[] word = new char[MAX_WORD];
        int wordLen = 0;
        int wordGroup = -1;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            int group = -1;
            if (c >= 'a' && c <= 'z') {
                group = G_LATIN;
            } else if (c >= 'A' && c <= 'Z') {
                group = G_LATIN;
                c = (char) (c + ('a' - 'A'));
            } else if (c < 0x80) {
                group = -1;
            } else if (c >= '\u0600' && c <= '\u06FF') {
                if (c >= '\u064B' && c <= '\u065F' || c == '\u0670' || c == '\u0640') {
                    continue; // tashkeel and tatweel neither count nor end a word
                }
                if (Character.isLetter(c)) {
                    group = G_ARABIC;
                    switch (c) {
                        case '\u064A': case '\u0643': case '\u0629': case '\u0649':
                            arOnly++;
                            break;
                        case '\u06CC': case '\u06A9': case '\u067E': case '\u0686': case '\u0698': case '\u06AF':
                            faUrShared++;
                            break;
                        case '\u0679': case '\u0688': case '\u0691': case '\u06BA': case '\u06D2': case '\u06D3':
                        case '\u06BE': case '\u06C1': case '\u06C2':
                            urOnly++;
                            break;
                        case '\u0647':
                            heh++;
                            break;
                        case '\u067C': case '\u0689': case '\u0693': case '\u0696': case '\u069A': case '\u06AB':
                        case '\u06BC': case '\u0681': case '\u0685': case '\u06CD':
                            psOnly++;
                            break;
                        case '\u0695': case '\u06B5': case '\u06C6': case '\u06CE': case '\u06D5':
                            kuOnly++;
                            break;
                        default:
                            break;
                    }
                }
            } else if (Character.isLetter(c)) {
                group = groupOf(c);
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (group >= 0) {
                groups[group]++;
                if (wordLen == 0) {
                    wordGroup = group;
                } else if (group != wordGroup) {
                    wordGroup = -2; // mixed scripts: not a function word
                }
                if (wordLen < MAX_WORD) {
                    word[wordLen] = group == G_LATIN ? Character.toLowerCase(c) : c;
                }
                wordLen++;
                continue;
            }
            if (wordLen > 0 && wordLen <= MAX_WORD) {
                if (wordGroup == G_ARABIC) {
                    if (ARABIC_WORDS.contains(word, 0, wordLen)) {
                        fwAr++;
                    }
                    if (PERSIAN_WORDS.contains(word, 0, wordLen)) {
                        fwFa++;
                    }
                    if (URDU_WORDS.contains(word, 0, wordLen)) {
                        fwUr++;
                    }
                } else if (wordGroup == G_LATIN) {
                    latinWords++;
                    fwEn += ENGLISH_WORDS.contains(word, 0, wordLen) ? 1 : 0;
                    fwFr += FRENCH_WORDS.contains(word, 0, wordLen) ? 1 : 0;
                    fwEs += SPANISH_WORDS.contains(word, 0, wordLen) ? 1 : 0;
                    fwDe += GERMAN_WORDS.contains(word, 0, wordLen) ? 1 : 0;
                }
            } else if (wordLen > MAX_WORD && wordGroup == G_LATIN) {
                latinWords++;
            }
            wordLen = 0;
        }

        int letters = 0;
        int best = 0;
        for (int g = 0; g < groups.length; g++) {
            letters += groups[g];
            if (groups[g] > groups[best]) {
                best = g;
            }
        }
        if (letters == 0) {
            return LanguageGuess.UNDETERMINED;
        }
        double share = groups[best] / (double) letters;
        double amount = 1.0 - Math.exp(-letters / 12.0);
        if (best == G_ARABIC) {
            return arabicScript(share * amount, arOnly, faUrShared, urOnly, heh, psOnly, kuOnly, fwAr, fwFa, fwUr);
        }
        if (best == G_LATIN) {
            return latinScript(share * amount, latinWords, fwEn, fwFr, fwEs, fwDe);
        }
        if (best == G_HAN && groups[G_KANA] > 0) {
            best = G_KANA;
            share = (groups[G_HAN] + groups[G_KANA]) / (double) letters;
        }
        if (best == G_OTHER) {
            return LanguageGuess.UNDETERMINED;
        }
        return new LanguageGuess(GROUP_CODES[best], clamp(share * amount));
    }

    private static LanguageGuess arabicScript(double base, int arOnly, int shared, int urOnly, int heh,
                                              int psOnly, int kuOnly, int fwAr, int fwFa, int fwUr) {
        double arabic = arOnly + 4.0 * fwAr;
        double urdu = 2.0 * urOnly + 4.0 * fwUr;
        double persian = 4.0 * fwFa + 0.25 * heh;
        double pashto = 2.0 * psOnly;
        double kurdish = 2.0 * kuOnly;
        double other = shared + urdu + 4.0 * fwFa + pashto + kurdish;
        if (arabic >= other) {
            // No evidence either way (e.g. one short word): Arabic, as the likeliest, but unsure.
            double margin = arabic + other == 0 ? 0.5 : arabic / (arabic + other);
            return new LanguageGuess("ar", clamp(base * margin));
        }
        double margin = other / (arabic + other);
        double specific = urdu + persian + pashto + kurdish;
        if (specific == 0) {
            // Only ی ک پ چ ژ گ, shared by Persian and Urdu: Persian is the likelier in news.
            return new LanguageGuess("fa", clamp(base * margin * 0.6));
        }
        String code = "fa";
        double best = persian;
        if (urdu > best) {
            code = "ur";
            best = urdu;
        }
        if (pashto > best) {
            code = "ps";
            best = pashto;
        }
        if (kurdish > best) {
            code = "ku";
            best = kurdish;
        }
        return new LanguageGuess(code, clamp(base * margin * best / specific));
    }

    private static LanguageGuess latinScript(double base, int words, int en, int fr, int es, int de) {
        int max = Math.max(Math.max(en, fr), Math.max(es, de));
        if (max == 0 || words == 0) {
            return LanguageGuess.UNDETERMINED;
        }
        int total = en + fr + es + de;
        // Running text is 30-50% function words; a title or a list of names has few.
        double coverage = Math.min(1.0, max / (0.2 * words));
        double confidence = clamp(base * coverage * max / total);
        if (en == max) {
            return new LanguageGuess("en", confidence);
        }
        if (confidence < 0.5) {
            return LanguageGuess.UNDETERMINED;
        }
        String code = fr == max ? "fr" : es == max ? "es" : "de";
        return new LanguageGuess(code, confidence);
    }

    private static int groupOf(char c) {
        if (c <= '\u024F' || (c >= '\u1E00' && c <= '\u1EFF') || (c >= '\uFF21' && c <= '\uFF5A')) {
            return G_LATIN;
        }
        if ((c >= '\u0750' && c <= '\u077F') || (c >= '\u08A0' && c <= '\u08FF')
                || (c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFE')) {
            return G_ARABIC;
        }
        if (c >= '\u0590' && c <= '\u05FF') {
            return G_HEBREW;
        }
        if (c >= '\u0370' && c <= '\u03FF') {
            return G_GREEK;
        }
        if (c >= '\u0E00' && c <= '\u0E7F') {
            return G_THAI;
        }
        if ((c >= '\uAC00' && c <= '\uD7AF') || (c >= '\u1100' && c <= '\u11FF') || (c >= '\u3130' && c <= '\u318F')) {
            return G_HANGUL;
        }
        if (c >= '\u3040' && c <= '\u30FF') {
            return G_KANA;
        }
        if (c >= '\u4E00' && c <= '\u9FFF') {
            return G_HAN;
        }
        return G_OTHER;
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
