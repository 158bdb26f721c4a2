package io.akhbar.arabic.fingerprint;

import io.akhbar.arabic.Token;
import java.util.HexFormat;
import java.util.List;

/**
 * A 64-bit SimHash over word 3-shingles of normalized tokens, for grouping copies of one story.
 *
 * <p>Each shingle hashes to 64 bits; each bit of the fingerprint is the majority vote of that bit
 * over all shingles. Words are hashed in normalized form (أ/ا, ة/ه, tashkeel, digits...) and, from
 * four letters on, without the long vowels ا و ي between their first and last letter: outlets
 * republishing one agency story in their house spelling (ترمب/ترامب, الأمريكي/الأميركي) produce the
 * same fingerprint.
 *
 * <p>Measured on the two sample articles (about 400 shingles each), replacing random words moves
 * the fingerprint by 1-2 bits for one word, 2-4 for three, 4-5 for five; the two different samples
 * are 31 bits apart, and unrelated texts 32 on average (a binomial spread of 4). Hence
 * {@link #NEAR_DUPLICATE_DISTANCE}.
 */
public final class SimHash {

    /**
     * Fingerprints this close (in differing bits) are copies of one story: lightly edited copies of
     * an article fall within it, different articles (even on the same event) are 25 bits or more
     * apart. A band index for it needs at least 7 bands (e.g. 8 of 8 bits).
     */
    public static final int NEAR_DUPLICATE_DISTANCE = 6;

    private static final HexFormat HEX = HexFormat.of();

    private SimHash() {
    }

    /** The fingerprint of a token sequence; 0 when there are no tokens. */
    public static long of(List<Token> tokens) {
        int n = tokens.size();
        if (n == 0) {
            return 0L;
        }
        long[] words = new long[n];
        for (int i = 0; i < n; i++) {
            words[i] = skeletonHash(tokens.get(i).normalized());
        }
        // Bits j, j+16, j+32, j+48 of every shingle are counted at once, in four 16-bit lanes of one long.
        long[] lanes = new long[16];
        int pending = 0;
        long fingerprint = 0L;
        int[] ones = new int[64];
        if (n < 3) {
            pending = count(lanes, mix(words[0] ^ (n > 1 ? Long.rotateLeft(words[1], 21) : 0L)), pending, ones);
        }
        for (int i = 0; i + 2 < n; i++) {
            pending = count(lanes, mix(words[i] ^ Long.rotateLeft(words[i + 1], 21) ^ Long.rotateLeft(words[i + 2], 42)),
                    pending, ones);
        }
        flush(lanes, ones);
        int total = Math.max(1, n - 2);
        for (int bit = 0; bit < 64; bit++) {
            // the majority vote: more shingles with the bit set than without
            if (2 * ones[bit] > total) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    /** The fingerprint as 16 lowercase hex digits, or null when there are no tokens. */
    public static String fingerprint(List<Token> tokens) {
        return tokens.isEmpty() ? null : hex(of(tokens));
    }

    public static String hex(long fingerprint) {
        return HEX.toHexDigits(fingerprint);
    }

    public static long parse(String hex) {
        if (hex == null || hex.length() != 16 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("a fingerprint is 16 hex digits: " + hex);
        }
        return HexFormat.fromHexDigitsToLong(hex);
    }

    /** Number of differing bits. */
    public static int hammingDistance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Number of differing bits of two hex fingerprints as produced by {@link #hex(long)}. */
    public static int hammingDistance(String a, String b) {
        return hammingDistance(parse(a), parse(b));
    }

    public static boolean nearDuplicates(String a, String b) {
        return hammingDistance(a, b) <= NEAR_DUPLICATE_DISTANCE;
    }

    private static final long LANE_BITS = 0x0001_0001_0001_0001L;
    /** A lane holds 16 bits: flush before any could overflow. */
    private static final int LANE_CAPACITY = 0xFFFF;

    private static int count(long[] lanes, long shingle, int counted, int[] ones) {
        if (counted == LANE_CAPACITY) {
            flush(lanes, ones);
            counted = 0;
        }
        for (int j = 0; j < 16; j++) {
            lanes[j] += (shingle >>> j) & LANE_BITS;
        }
        return counted + 1;
    }

    private static void flush(long[] lanes, int[] ones) {
        for (int j = 0; j < 16; j++) {
            for (int lane = 0; lane < 4; lane++) {
                ones[j + 16 * lane] += (int) ((lanes[j] >>> (16 * lane)) & 0xFFFF);
            }
            lanes[j] = 0;
        }
    }

    /** FNV-1a, 64 bits, over the chars of a word but the long vowels inside a word of four letters or more. */
    private static long skeletonHash(String s) {
        long h = 0xcbf29ce484222325L;
        int n = s.length();
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (n >= 4 && k > 0 && k < n - 1 && (c == 'ا' || c == 'و' || c == 'ي')) {
                continue;
            }
            h ^= c;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
