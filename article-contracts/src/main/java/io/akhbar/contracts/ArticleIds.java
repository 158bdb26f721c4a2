package io.akhbar.contracts;

import io.akhbar.arabic.ArabicNormalizer;
import io.akhbar.arabic.Whitespace;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Derives the article id every producer must agree on, so that re-ingesting an article (again, or through another
 * path such as a feed) overwrites its document instead of adding a second one.
 * The id is the first 128 bits of SHA-256, in hex, of the canonical URL when there is one, else of the normalized body.
 */
public final class ArticleIds {

    /** Query parameters that only track the reader; the same story arrives with many different values. */
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid", "ref", "ref_src", "cmpid", "ocid");

    private ArticleIds() {
    }

    public static String forArticle(String url, String body) {
        return canonicalUrl(url)
                .map(canonical -> hash("url:" + canonical))
                .orElseGet(() -> forText(body));
    }

    static String forText(String body) {
        Contracts.requireText(body, "body");
        String normalized = Whitespace.collapse(ArabicNormalizer.normalize(body).trim());
        return hash("text:" + normalized);
    }

    /**
     * https and http, a leading {@code www.}, the fragment, tracking parameters, parameter order and a trailing slash
     * do not make another article.
     *
     * @return empty when the value is blank or not an absolute http(s) URL
     */
    public static Optional<String> canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        int port = uri.getPort();
        String portPart = port == -1 || port == 80 || port == 443 ? "" : ":" + port;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = canonicalQuery(uri.getRawQuery());
        return Optional.of("https://" + host + portPart + path + (query.isEmpty() ? "" : "?" + query));
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(parameter -> !parameter.isEmpty())
                .filter(parameter -> !isTracking(parameter.split("=", 2)[0].toLowerCase(Locale.ROOT)))
                .sorted()
                .collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
