package io.akhbar.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Boot's own indicator needs the 9.x client; this one reports the cluster the 8.x client talks to. */
@Component("elasticsearch")
class ElasticsearchHealthIndicator implements HealthIndicator {

    private final ElasticsearchClient client;

    ElasticsearchHealthIndicator(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        try {
            HealthResponse health = client.cluster().health();
            Health.Builder builder = health.status() == HealthStatus.Red ? Health.down() : Health.up();
            return builder
                    .withDetail("cluster", health.clusterName())
                    .withDetail("status", health.status().jsonValue())
                    .withDetail("nodes", health.numberOfNodes())
                    .withDetail("unassignedShards", health.unassignedShards())
                    .build();
        } catch (Exception e) {
            return Health.down(e).build();
        }
    }
}
