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
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout  how long to wait for an answer; bulk requests of a few MB must fit
 * @param replicas       replicas of each shard; 0 on a single node, where a replica could never be allocated
 */
@ConfigurationProperties(prefix = "akhbar.elasticsearch")
public record ElasticsearchProperties(
        List<String> url, String username, String password, Duration connectTimeout, Duration socketTimeout, int replicas) {
}
