package io.akhbar.localstack;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Keys for a local stack: random per stack, so that a test cannot pass by accident with a well-known key. */
final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "akhbar-local-" + HexFormat.of().formatHex(bytes);
    }
}
