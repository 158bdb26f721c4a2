package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A sample article for the demo, and a word that should find it (and only it) once it has been indexed. */
record SampleArticle(Path file, String text, String probeWord) {

    /** Distinctive place names that occur in exactly one of the bundled samples. */
    static final List<String> PREFERRED_PROBE_WORDS = List.of("دافوس", "إسطنبول");

    private static final Pattern ARABIC_WORD = Pattern.compile("[\\p{IsArabic}&&\\p{L}]{4,}");

    static List<SampleArticle> loadAll(Path directory) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(directory, "*.txt")) {
            found.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list samples in " + directory, e);
        }
        files.sort(Comparator.naturalOrder());
        List<String> texts = files.stream().map(SampleArticle::read).toList();
        List<SampleArticle> samples = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            List<String> others = new ArrayList<>(texts);
            others.remove(i);
            samples.add(new SampleArticle(files.get(i), texts.get(i), chooseProbeWord(texts.get(i), others)));
        }
        return samples;
    }

    /** A preferred word if one is unique to this text, otherwise its first long Arabic word no other text has. */
    static String chooseProbeWord(String text, List<String> otherTexts) {
        Optional<String> preferred = PREFERRED_PROBE_WORDS.stream()
                .filter(text::contains)
                .filter(word -> otherTexts.stream().noneMatch(other -> other.contains(word)))
                .findFirst();
        if (preferred.isPresent()) {
            return preferred.get();
        }
        Matcher words = ARABIC_WORD.matcher(text);
        while (words.find()) {
            String word = words.group();
            if (otherTexts.stream().noneMatch(other -> other.contains(word))) {
                return word;
            }
        }
        throw new IllegalArgumentException("No word distinguishes this sample from the others: "
                + text.substring(0, Math.min(80, text.length())));
    }

    String fileName() {
        return file.getFileName().toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
