package io.akhbar.search.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The 64-bit SimHash the NLP service writes as hex. Near-duplicates differ in a few bits; cutting the hash into four
 * 16-bit bands means two hashes within 3 bits of each other share at least one band (pigeonhole), so an exact terms
 * query on the bands finds every candidate cheaply and the distance is then checked here.
 */
public final class Fingerprint {

    static final int BANDS = 4;

    private Fingerprint() {
    }

    /** Empty for null, blank or anything that is not 1 to 16 hex digits. */
    public static OptionalLong parse(String hex) {
        if (hex == null || hex.isEmpty() || hex.length() > 16) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseUnsignedLong(hex, 16));
    }

    /** Band values as indexed in {@code fingerprintBands}; the band number keeps equal bits in different bands apart. */
    public static List<String> bands(String hex) {
        OptionalLong value = parse(hex);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> bands = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            bands.add(band + ":" + String.format("%04x", band(value.getAsLong(), band)));
        }
        return bands;
    }

    /** The 16 bits of band {@code band} of a fingerprint, band 0 being the highest. */
    static int band(long fingerprint, int band) {
        return (int) ((fingerprint >>> (16 * (BANDS - 1 - band))) & 0xFFFF);
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
