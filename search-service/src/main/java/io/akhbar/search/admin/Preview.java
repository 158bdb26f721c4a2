package io.akhbar.search.admin;

import java.util.Arrays;
import java.util.Base64;

/**
 * The first bytes of a payload, readable: as text when they are UTF-8 (cut at a character boundary), else as base64.
 *
 * @param encoding  {@code utf-8} or {@code base64}
 * @param bytes     the payload's full size
 * @param truncated whether {@code text} shows only the beginning
 */
record Preview(String encoding, String text, int bytes, boolean truncated) {

    static Preview of(byte[] payload, int maxBytes) {
        if (payload == null) {
            return new Preview("utf-8", null, 0, false);
        }
        int length = Math.min(payload.length, maxBytes);
        int textLength = length;
        // A cut inside a multi-byte character would make valid UTF-8 look invalid: back off to the character's start.
        if (length < payload.length) {
            int back = 0;
            while (back < 3 && textLength > 0 && (payload[textLength] & 0xC0) == 0x80) {
                textLength--;
                back++;
            }
        }
        String text = HeaderValues.utf8(Arrays.copyOf(payload, textLength));
        if (text != null) {
            return new Preview("utf-8", text, payload.length, textLength < payload.length);
        }
        return new Preview("base64", Base64.getEncoder().encodeToString(Arrays.copyOf(payload, length)), payload.length,
                length < payload.length);
    }
}
