package io.akhbar.arabic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the word-list resources: one entry per line, '#' starts a comment, blank lines ignored. */
final class WordLists {

    private WordLists() {
    }

    static List<String> read(String resource) {
        InputStream in = WordLists.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource io/akhbar/arabic/" + resource);
        }
        List<String> words = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!entry.isEmpty()) {
                    words.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/akhbar/arabic/" + resource, e);
        }
        return words;
    }

    /** Normalized entries; entries that normalize to nothing are skipped. */
    static List<String> readNormalized(String resource) {
        List<String> raw = read(resource);
        List<String> out = new ArrayList<>(raw.size());
        for (String w : raw) {
            String n = ArabicNormalizer.normalize(w);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }
}
