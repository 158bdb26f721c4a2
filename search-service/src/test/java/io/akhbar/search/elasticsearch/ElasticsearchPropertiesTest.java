package io.akhbar.search.elasticsearch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ElasticsearchPropertiesTest {

    @Test
    void credentialsNeverShowWhenThePropertiesArePrinted() {
        var withPassword = new ElasticsearchProperties(List.of("http://es:9200"), "elastic", "s3cret-pass", null,
                Duration.ofSeconds(2), Duration.ofSeconds(30), 0);
        var withApiKey = new ElasticsearchProperties(List.of("http://es:9200"), null, null, "c2VjcmV0LWtleQ==",
                Duration.ofSeconds(2), Duration.ofSeconds(30), 0);

        assertThat(withPassword.toString()).contains("elastic", "<redacted>").doesNotContain("s3cret");
        assertThat(withApiKey.toString()).contains("apiKey=<redacted>").doesNotContain("c2VjcmV0");
        assertThat(withApiKey.hasApiKey()).isTrue();
        assertThat(withPassword.hasApiKey()).isFalse();
        assertThat(withPassword.hasUsername()).isTrue();
    }
}
