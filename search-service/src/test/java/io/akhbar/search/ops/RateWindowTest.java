package io.akhbar.search.ops;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RateWindowTest {

    private static final Instant T0 = Instant.parse("2026-01-22T10:00:00Z");

    @Test
    void rateIsTheCountDeltaOverTheWindow() {
        RateWindow window = new RateWindow();
        for (int minute = 0; minute <= 10; minute++) {
            // 60 per minute for the first 5 minutes, then 600 per minute.
            long count = minute <= 5 ? minute * 60L : 300 + (minute - 5) * 600L;
            window.add(T0.plus(Duration.ofMinutes(minute)), count);
        }

        assertThat(window.perSecond(Duration.ofMinutes(1))).isEqualTo(10.0);
        assertThat(window.perSecond(Duration.ofMinutes(5))).isEqualTo(10.0);
        // Only 10 minutes were seen: the 15-minute rate is over those.
        assertThat(window.perSecond(Duration.ofMinutes(15))).isEqualTo((3300 - 0) / 600.0);
    }

    @Test
    void noRateBeforeTwoSamplesAndNeverNegative() {
        RateWindow window = new RateWindow();
        assertThat(window.perSecond(Duration.ofMinutes(1))).isZero();
        window.add(T0, 100);
        assertThat(window.perSecond(Duration.ofMinutes(1))).isZero();
        window.add(T0.plusSeconds(10), 50);
        assertThat(window.perSecond(Duration.ofMinutes(1))).isZero();
    }

    @Test
    void oldSamplesAreDropped() {
        RateWindow window = new RateWindow();
        for (int minute = 0; minute <= 60; minute++) {
            window.add(T0.plus(Duration.ofMinutes(minute)), minute * 60L);
        }
        assertThat(window.perSecond(Duration.ofHours(1))).isEqualTo(1.0);
    }
}
