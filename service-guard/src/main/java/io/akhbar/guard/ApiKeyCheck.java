package io.akhbar.guard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Compares a presented key with the configured ones without telling an attacker, through timing, how much of it was
 * right: both sides are hashed to SHA-256 first (equal lengths, nothing of the key's length or prefix leaks), compared
 * with {@link MessageDigest#isEqual} (constant time), and every configured key is compared, also after a match.
 * Only digests are kept; the keys themselves are not held.
 */
final class ApiKeyCheck {

    private final List<byte[]> digests;
    private final BiPredicate<byte[], byte[]> equal;

    ApiKeyCheck(List<String> keys) {
        this(keys, MessageDigest::isEqual);
    }

    /** With the comparison given, so that a test can watch which comparisons are made. */
    ApiKeyCheck(List<String> keys, BiPredicate<byte[], byte[]> equal) {
        this.digests = keys.stream().map(ApiKeyCheck::sha256).toList();
        this.equal = equal;
    }

    boolean configured() {
        return !digests.isEmpty();
    }

    /**
     * The client name for a valid key: a short digest, so that rate limiting can tell keys apart without keeping
     * them; empty when the key is not one of ours.
     */
    Optional<String> verify(String presented) {
        if (presented == null || digests.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        boolean match = false;
        for (byte[] known : digests) {
            // No early exit: the time taken does not depend on which key matched, or whether one did.
            match |= equal.test(known, digest);
        }
        return match ? Optional.of("key:" + HexFormat.of().formatHex(digest, 0, 8)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ApiKeyCheck[" + digests.size() + " keys]";
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
