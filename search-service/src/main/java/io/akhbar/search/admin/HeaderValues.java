package io.akhbar.search.admin;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads dead-letter headers whatever wrote them: the binder writes partition, offset and timestamp as big-endian
 * binary, a hand-made or older record as decimal text. Decimal text is tried first: binary numbers made only of the
 * bytes '0'..'9' would be partitions above 800 million or offsets above 3 * 10^18.
 */
final class HeaderValues {

    private HeaderValues() {
    }

    /** The last value of the header as UTF-8 text (the binder adds, never replaces), or null. */
    static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static Long number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : number(header.value());
    }

    static Long number(byte[] value) {
        if (value == null || value.length == 0) {
            return null;
        }
        if (isDecimal(value)) {
            try {
                return Long.parseLong(new String(value, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return switch (value.length) {
            case Integer.BYTES -> (long) ByteBuffer.wrap(value).getInt();
            case Long.BYTES -> ByteBuffer.wrap(value).getLong();
            default -> null;
        };
    }

    private static boolean isDecimal(byte[] value) {
        for (int i = 0; i < value.length; i++) {
            byte b = value[i];
            if (!(b >= '0' && b <= '9') && !(i == 0 && b == '-' && value.length > 1)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes as text when they are valid UTF-8, else null. */
    static String utf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** For showing any value: its text when it is UTF-8 without control characters, else {@code base64:...}. */
    static String printable(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String text = utf8(bytes);
        if (text != null && text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            return text;
        }
        return "base64:" + Base64.getEncoder().encodeToString(bytes);
    }
}
