package io.akhbar.search.stories;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {

    @Test
    void bandsAreTheFourSixteenBitQuartersTaggedWithTheirPosition() {
        assertThat(Fingerprint.bands("0123456789abcdef")).containsExactly("0:0123", "1:4567", "2:89ab", "3:cdef");
        assertThat(Fingerprint.bands("ff")).containsExactly("0:0000", "1:0000", "2:0000", "3:00ff");
    }

    @Test
    void anythingButOneToSixteenHexDigitsHasNoBands() {
        assertThat(Fingerprint.bands(null)).isEmpty();
        assertThat(Fingerprint.bands("")).isEmpty();
        assertThat(Fingerprint.bands("xyz")).isEmpty();
        assertThat(Fingerprint.bands("0123456789abcdef0")).isEmpty();
    }

    @Test
    void withinThreeBitsTwoHashesShareABand() {
        long a = Fingerprint.parse("f0f0f0f0f0f0f0f0").getAsLong();
        long b = a ^ (1L << 3) ^ (1L << 20) ^ (1L << 40);
        assertThat(Fingerprint.distance(a, b)).isEqualTo(3);
        assertThat(Fingerprint.bands(Long.toHexString(a))).containsAnyElementsOf(Fingerprint.bands(Long.toHexString(b)));
    }
}
