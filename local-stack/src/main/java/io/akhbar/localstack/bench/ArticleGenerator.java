package io.akhbar.localstack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthetic Arabic news articles, the same for the same seed and number on every machine, so that runs compare.
 *
 * <p>An article is made of sentences of the bundled samples in which about a third of the words are replaced by
 * words of the samples drawn by their frequency rank (Zipf), and some words by pseudo-words from a large invented
 * pool. So common words match most articles and pseudo-words a few hundred per 100,000, as in real news, and no
 * two articles are near-duplicates. Each article has its own URL, hence its own id: nothing dedupes.
 */
final class ArticleGenerator {

    /** Articles are dated in the 30 days before this instant, not relative to the clock, to stay reproducible. */
    static final Instant LATEST = Instant.parse("2026-01-31T00:00:00Z");
    static final int DEFAULT_BODY_BYTES = 3_000;

    private static final Pattern ARABIC_WORD = Pattern.compile("[\\p{IsArabic}&&\\p{L}]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟\\n]+");
    private static final String LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
    private static final int RARE_WORDS = 5_000;
    private static final double SUBSTITUTED = 0.3;
    private static final double RARE = 0.04;
    private static final List<String> SOURCES = List.of("وكالة أنباء الشرق", "صحيفة المساء", "قناة الخبر",
            "موقع الحدث", "وكالة الأنباء العربية", "صحيفة الرأي", "إذاعة المدينة", "نشرة الاقتصاد");
    /** Function words that would make a query of stop words only. */
    private static final Set<String> NOT_QUERIES = Set.of("التي", "الذي", "الذين", "هذه", "هذا", "إلى", "على",
            "بعد", "قبل", "ذلك", "تلك", "كانت", "حيث", "خلال", "بين", "عند", "حول", "إنه", "أنه", "كما", "لكن", "منذ",
            "وقال", "قال", "التى", "وفي", "فيها");

    /** Entities as the NLP service names them (ids of search-service's seed list). */
    static final List<Entity> ENTITIES = List.of(
            new Entity("person:vladimir-putin", "PERSON", "فلاديمير بوتين", "Vladimir Putin"),
            new Entity("person:donald-trump", "PERSON", "دونالد ترامب", "Donald Trump"),
            new Entity("person:steve-witkoff", "PERSON", "ستيف ويتكوف", "Steve Witkoff"),
            new Entity("person:jared-kushner", "PERSON", "جاريد كوشنر", "Jared Kushner"),
            new Entity("person:volodymyr-zelensky", "PERSON", "فولوديمير زيلينسكي", "Volodymyr Zelensky"),
            new Entity("location:moscow", "LOCATION", "موسكو", "Moscow"),
            new Entity("location:ukraine", "LOCATION", "أوكرانيا", "Ukraine"),
            new Entity("location:russia", "LOCATION", "روسيا", "Russia"));

    record Entity(String id, String type, String nameAr, String nameEn) {
    }

    private final long seed;
    private final int bodyBytes;
    private final List<List<String>> sentences;
    private final List<String> vocabulary;
    private final double[] cumulativeWeights;
    private final List<String> rareWords;

    ArticleGenerator(List<String> sampleTexts, long seed, int bodyBytes) {
        this.seed = seed;
        this.bodyBytes = bodyBytes;
        this.sentences = sentences(sampleTexts);
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("The samples hold no Arabic sentence of three words or more");
        }
        this.vocabulary = byFrequency(sentences);
        this.cumulativeWeights = zipf(vocabulary.size());
        this.rareWords = rareWords(seed, new LinkedHashSet<>(vocabulary));
    }

    /** From {@code samples/*.txt} of the project. */
    static ArticleGenerator fromSamples(Path directory, long seed) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(directory, "*.txt")) {
            found.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list samples in " + directory, e);
        }
        files.sort(Comparator.naturalOrder());
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            try {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return new ArticleGenerator(texts, seed, DEFAULT_BODY_BYTES);
    }

    /** Article number {@code number}; any number can be made alone and in any order. */
    SyntheticArticle article(long number) {
        SplittableRandom random = new SplittableRandom(mix(seed, number));
        int target = (int) (bodyBytes * (0.75 + 0.5 * random.nextDouble()));
        StringBuilder body = new StringBuilder(target);
        int bytes = 0;
        String firstSentence = null;
        while (bytes < target) {
            String sentence = sentence(random, Integer.MAX_VALUE) + ".";
            if (firstSentence == null) {
                firstSentence = sentence;
            }
            if (body.length() > 0) {
                body.append(' ');
                bytes++;
            }
            body.append(sentence);
            bytes += utf8Length(sentence);
        }
        String title = sentence(random, 6 + random.nextInt(5));
        String source = SOURCES.get(random.nextInt(SOURCES.size()));
        Instant publishedAt = LATEST.minusSeconds(random.nextLong(Duration.ofDays(30).toSeconds()));
        List<Entity> entities = new ArrayList<>(ENTITIES);
        shuffle(entities, random);
        List<Entity> chosen = List.copyOf(entities.subList(0, random.nextInt(4)));
        return new SyntheticArticle(number, title, body.toString(), firstSentence,
                "https://bench.akhbar.example/s" + seed + "/articles/" + number, source, publishedAt, chosen,
                random.nextLong());
    }

    /**
     * A fixed mix of queries: single sample words from frequent to rare, pseudo-words that match a few hundred
     * articles per 100,000, and pairs of words.
     */
    List<String> queries(int count) {
        List<String> candidates = vocabulary.stream()
                .filter(word -> word.length() >= 4 && !NOT_QUERIES.contains(word))
                .toList();
        int span = Math.min(candidates.size(), 300);
        int rare = Math.max(1, count / 4);
        int pairs = Math.max(1, count / 5);
        int single = Math.max(1, count - rare - pairs);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < single; i++) {
            queries.add(candidates.get((int) ((long) i * span / single)));
        }
        for (int i = 0; i < rare; i++) {
            queries.add(rareWords.get((int) ((long) i * rareWords.size() / rare)));
        }
        for (int i = 0; i < pairs; i++) {
            queries.add(candidates.get(i * 3 % span) + " " + candidates.get((span / 2 + i * 7) % span));
        }
        return List.copyOf(queries.subList(0, Math.min(count, queries.size())));
    }

    List<String> vocabulary() {
        return vocabulary;
    }

    private String sentence(SplittableRandom random, int maxWords) {
        List<String> words = sentences.get(random.nextInt(sentences.size()));
        StringBuilder sentence = new StringBuilder();
        int n = Math.min(maxWords, words.size());
        for (int i = 0; i < n; i++) {
            String word = random.nextDouble() < SUBSTITUTED ? frequent(random) : words.get(i);
            if (random.nextDouble() < RARE) {
                word = rareWords.get(random.nextInt(rareWords.size()));
            }
            if (i > 0) {
                sentence.append(' ');
            }
            sentence.append(word);
        }
        return sentence.toString();
    }

    private String frequent(SplittableRandom random) {
        int index = Arrays.binarySearch(cumulativeWeights, random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1]);
        return vocabulary.get(index >= 0 ? index : Math.min(-index - 1, vocabulary.size() - 1));
    }

    private static List<List<String>> sentences(List<String> texts) {
        List<List<String>> sentences = new ArrayList<>();
        for (String text : texts) {
            for (String sentence : SENTENCE_END.split(text)) {
                List<String> words = new ArrayList<>();
                Matcher matcher = ARABIC_WORD.matcher(sentence);
                while (matcher.find()) {
                    words.add(matcher.group());
                }
                if (words.size() >= 3) {
                    sentences.add(List.copyOf(words));
                }
            }
        }
        return List.copyOf(sentences);
    }

    /** Most frequent first; ties in alphabetical order, so the ranks do not depend on map iteration. */
    private static List<String> byFrequency(List<List<String>> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        sentences.forEach(words -> words.forEach(word -> counts.merge(word, 1, Integer::sum)));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static double[] zipf(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int rank = 0; rank < size; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        return cumulative;
    }

    private static List<String> rareWords(long seed, Set<String> taken) {
        SplittableRandom random = new SplittableRandom(mix(seed, -1));
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < RARE_WORDS) {
            int length = 4 + random.nextInt(4);
            StringBuilder word = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            }
            if (!taken.contains(word.toString())) {
                words.add(word.toString());
            }
        }
        return List.copyOf(words);
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }

    /** SplitMix64's finalizer: neighbouring numbers get unrelated streams. */
    static long mix(long seed, long number) {
        long z = seed * 0x9E3779B97F4A7C15L + number;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
