package io.akhbar.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The texts benchmarked: the real samples, and the first 3 KB (UTF-8) of one of them, cut after a sentence. */
final class Articles {

    static final String DAVOS = "witkoff-kushner-moscow-davos.ar.txt";
    static final String PUTIN = "witkoff-putin-third-meeting.ar.txt";
    static final int THREE_KB = 3 * 1024;

    private Articles() {
    }

    /** By benchmark parameter: {@code 3kb}, {@code davos} (4.9 KB) or {@code putin} (3.8 KB). */
    static String byName(String name) {
        switch (name) {
            case "3kb":
                return threeKilobytes();
            case "davos":
                return read(DAVOS);
            case "putin":
                return read(PUTIN);
            default:
                throw new IllegalArgumentException("unknown article " + name);
        }
    }

    static String threeKilobytes() {
        String text = read(DAVOS);
        int bytes = 0;
        int lastSentenceEnd = 0;
        for (int i = 0; i < text.length() && bytes <= THREE_KB; i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if ((c == '.' || c == '\n') && bytes <= THREE_KB) {
                lastSentenceEnd = i + 1;
            }
        }
        return text.substring(0, lastSentenceEnd);
    }

    static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String read(String name) {
        try (InputStream in = Articles.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource samples/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
