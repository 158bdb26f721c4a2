package io.akhbar.arabic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The real articles from /samples, copied into the test resources so the module tests alone. */
public final class Samples {

    public static final List<String> NAMES = List.of(
            "witkoff-kushner-moscow-davos.ar.txt",
            "witkoff-putin-third-meeting.ar.txt");

    private Samples() {
    }

    public static String read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource samples/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> all() {
        return NAMES.stream().map(Samples::read).toList();
    }
}
