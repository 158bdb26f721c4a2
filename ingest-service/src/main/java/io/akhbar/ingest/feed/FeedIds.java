package io.akhbar.ingest.feed;

import io.akhbar.contracts.ArticleIds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** A feed's id: 128 bits of SHA-256 of its canonical URL (the article id rule's canonical form, another prefix). */
final class FeedIds {

    private FeedIds() {
    }

    static Optional<String> of(String url) {
        return ArticleIds.canonicalUrl(url).map(canonical -> sha256("feed:" + canonical).substring(0, 32));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
