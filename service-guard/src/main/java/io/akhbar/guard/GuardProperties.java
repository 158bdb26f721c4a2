package io.akhbar.guard;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Who may call what. Paths are Spring MVC path patterns; the first list that matches a request decides: public
 * paths are never checked nor limited, keyed paths always need a key, every other path is as {@link #readAccess()}
 * says.
 *
 * @param apiKeys     accepted keys, normally from {@code AKHBAR_API_KEYS} (comma-separated); none means keyed paths
 *                    refuse everything. Never printed: {@link #toString()} shows only how many there are
 * @param publicPaths open to anyone and never rate-limited (health probes)
 * @param keyedPaths  need a key whatever {@code readAccess} says (ingest, feeds, admin, actuator)
 * @param readAccess  the other paths (search, stream, articles, web UI): {@code open} or {@code keyed}
 * @param rateLimit   requests per second per client
 */
@ConfigurationProperties(prefix = "akhbar.guard")
public record GuardProperties(
        List<String> apiKeys, List<String> publicPaths, List<String> keyedPaths, Access readAccess, RateLimit rateLimit) {

    public GuardProperties {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().map(String::trim).filter(key -> !key.isEmpty()).toList();
        publicPaths = publicPaths == null ? List.of("/actuator/health", "/actuator/health/**") : List.copyOf(publicPaths);
        keyedPaths = keyedPaths == null ? List.of("/actuator/**") : List.copyOf(keyedPaths);
        readAccess = readAccess == null ? Access.OPEN : readAccess;
        rateLimit = rateLimit == null ? new RateLimit(true, null, null, 0) : rateLimit;
    }

    /** Whether the non-public, non-keyed paths need a key too. */
    public enum Access { OPEN, KEYED }

    /**
     * A token bucket per client and per kind of path; the client is its API key when it sent a valid one, else its
     * remote address.
     *
     * @param enabled    off only where something else limits (a gateway, a benchmark)
     * @param keyed      the budget on keyed paths
     * @param open       the budget on the other paths
     * @param maxClients clients remembered at once per kind of path; a client is forgotten as soon as its bucket
     *                   would be full again (forgetting it then changes nothing), and the least recently seen first
     *                   when there are more
     */
    public record RateLimit(Boolean enabled, Budget keyed, Budget open, int maxClients) {

        public RateLimit {
            enabled = enabled == null || enabled;
            keyed = keyed == null ? new Budget(200, 400) : keyed;
            open = open == null ? new Budget(50, 100) : open;
            maxClients = maxClients <= 0 ? 10_000 : maxClients;
        }
    }

    /**
     * @param requestsPerSecond sustained rate; 0 or less turns the limit off for these paths
     * @param burst             requests allowed at once after a quiet spell
     */
    public record Budget(double requestsPerSecond, int burst) {

        public Budget {
            burst = Math.max(1, burst);
        }
    }

    /** Keys are secrets: only their number is shown, wherever properties get logged or reported. */
    @Override
    public String toString() {
        return "GuardProperties[apiKeys=<" + apiKeys.size() + " redacted>, publicPaths=" + publicPaths
                + ", keyedPaths=" + keyedPaths + ", readAccess=" + readAccess + ", rateLimit=" + rateLimit + "]";
    }
}
