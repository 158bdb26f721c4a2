package io.akhbar.search.elasticsearch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElasticsearchPropertiesTest {

    @Test
    void credentialsNeverShowWhenThePropertiesArePrinted() {
        var withPassword = new ElasticsearchProperties(List.of("http://es:9200"), "elastic", "s3cret-pass", null,
                Duration.ofSeconds(2), Duration.ofSeconds(30), 0, 50);
        var withApiKey = new ElasticsearchProperties(List.of("http://es:9200"), null, null, "c2VjcmV0LWtleQ==",
                Duration.ofSeconds(2), Duration.ofSeconds(30), 0, 50);

        assertThat(withPassword.toString()).contains("elastic", "<redacted>").doesNotContain("s3cret");
        assertThat(withApiKey.toString()).contains("apiKey=<redacted>").doesNotContain("c2VjcmV0");
        assertThat(withApiKey.hasApiKey()).isTrue();
        assertThat(withPassword.hasApiKey()).isFalse();
        assertThat(withPassword.hasUsername()).isTrue();
    }

    @Test
    void aPoolWithoutConnectionsIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ElasticsearchProperties(List.of("http://es:9200"), null, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(30), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-connections-per-node");
    }
}
