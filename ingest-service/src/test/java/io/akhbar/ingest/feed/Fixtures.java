package io.akhbar.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The feed and page documents under src/test/resources/feeds, with {@code {{base}}} standing for the server. */
final class Fixtures {

    private Fixtures() {
    }

    static String text(String name, String base) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
