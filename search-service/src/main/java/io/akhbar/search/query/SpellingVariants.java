package io.akhbar.search.query;

import io.akhbar.arabic.ArabicNormalizer;
import io.akhbar.arabic.LightStemmer;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spelling variants of common words ({@code query/spelling-variants.txt}). Groups are keyed by the stem of each word,
 * computed by the same light stemmer as the index analyzer, so any inflected or cliticized form of a listed word
 * finds its group; the variants are returned as written and Elasticsearch analyzes them like the query.
 */
@Component
class SpellingVariants {

    private final LightStemmer stemmer = new LightStemmer();
    private final Map<String, List<String>> groupsByStem = new HashMap<>();

    SpellingVariants() {
        this(SpellingVariants.class.getResourceAsStream("/query/spelling-variants.txt"));
    }

    SpellingVariants(InputStream list) {
        if (list == null) {
            throw new IllegalStateException("query/spelling-variants.txt is missing");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    List<String> group = Arrays.stream(line.strip().split("\\s+")).toList();
                    group.forEach(word -> groupsByStem.put(stem(word), group));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The other spellings of {@code word}, or none. */
    List<String> of(String word) {
        String stem = stem(word);
        List<String> group = groupsByStem.get(stem);
        if (group == null) {
            return List.of();
        }
        return group.stream().filter(variant -> !stem(variant).equals(stem)).toList();
    }

    /** The words of {@code spellings} that the analyzer would not match with {@code word}, one per stem. */
    List<String> otherStems(String word, List<String> spellings) {
        Map<String, String> byStem = new java.util.LinkedHashMap<>();
        String own = stem(word);
        for (String spelling : spellings) {
            String stem = stem(spelling);
            if (!stem.equals(own)) {
                byStem.putIfAbsent(stem, spelling);
            }
        }
        return List.copyOf(byStem.values());
    }

    boolean sameStem(String a, String b) {
        return stem(a).equals(stem(b));
    }

    private String stem(String word) {
        return stemmer.stem(ArabicNormalizer.normalize(word));
    }
}
