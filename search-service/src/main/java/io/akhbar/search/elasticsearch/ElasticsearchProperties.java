package io.akhbar.search.elasticsearch;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Where the cluster is and how to reach it. Several URLs spread requests over the nodes of a cluster.
 *
 * @param url            comma-separated node URLs
 * @param username       optional basic-auth user (security enabled)
 * @param password       its password; taken from the environment, never committed
 * @param apiKey         optional API key instead of user and password (the base64 {@code encoded} value)
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout  how long to wait for an answer; bulk requests of a few MB must fit
 * @param replicas       replicas of each shard; 0 on a single node, where a replica could never be allocated
 * @param maxConnectionsPerNode open connections to each node at most: searches, bulks, the stream's looks and the
 *                       story look-ups share them, and a request that finds none free waits in the client
 */
@ConfigurationProperties(prefix = "akhbar.elasticsearch")
public record ElasticsearchProperties(List<String> url, String username, String password, String apiKey,
        Duration connectTimeout, Duration socketTimeout, int replicas, int maxConnectionsPerNode) {

    public ElasticsearchProperties {
        if (maxConnectionsPerNode < 1) {
            throw new IllegalArgumentException("akhbar.elasticsearch.max-connections-per-node must be at least 1, not "
                    + maxConnectionsPerNode);
        }
    }

    boolean hasUsername() {
        return username != null && !username.isBlank();
    }

    boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** Secrets stay out of logs and failure reports: only whether they are set is shown. */
    @Override
    public String toString() {
        return "ElasticsearchProperties[url=" + url + ", username=" + username
                + ", password=" + (password == null || password.isEmpty() ? "<none>" : "<redacted>")
                + ", apiKey=" + (hasApiKey() ? "<redacted>" : "<none>") + ", connectTimeout=" + connectTimeout
                + ", socketTimeout=" + socketTimeout + ", replicas=" + replicas
                + ", maxConnectionsPerNode=" + maxConnectionsPerNode + "]";
    }
}
