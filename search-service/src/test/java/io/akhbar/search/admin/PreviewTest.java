package io.akhbar.search.admin;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewTest {

    @Test
    void utf8IsShownAsTextAndCutAtACharacterBoundary() {
        byte[] arabic = "بوتين في موسكو".getBytes(StandardCharsets.UTF_8); // two bytes per letter

        Preview whole = Preview.of(arabic, 1000);
        Preview cut = Preview.of(arabic, 5);

        assertThat(whole).isEqualTo(new Preview("utf-8", "بوتين في موسكو", arabic.length, false));
        assertThat(cut.encoding()).isEqualTo("utf-8");
        assertThat(cut.text()).isEqualTo("بو");
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.bytes()).isEqualTo(arabic.length);
    }

    @Test
    void binaryIsShownAsBase64OfTheFirstBytes() {
        byte[] binary = {(byte) 0xFF, 0x00, (byte) 0xFE, 0x41, 0x42};

        assertThat(Preview.of(binary, 3)).isEqualTo(new Preview("base64",
                Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, 0x00, (byte) 0xFE}), 5, true));
        assertThat(Preview.of(null, 3)).isEqualTo(new Preview("utf-8", null, 0, false));
    }

    @Test
    void printableHeaderValues() {
        assertThat(HeaderValues.printable("trace-1".getBytes(StandardCharsets.UTF_8))).isEqualTo("trace-1");
        assertThat(HeaderValues.printable(new byte[] {0, 0, 0, 5})).isEqualTo("base64:AAAABQ==");
    }
}
