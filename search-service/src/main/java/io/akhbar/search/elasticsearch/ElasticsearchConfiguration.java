package io.akhbar.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The 8.x client, defined here because Boot 4 auto-configures only the 9.x one, which an 8.x cluster refuses. Every
 * use of the cluster (indexing, search, health, the ops monitor) goes through this client and so its credentials:
 * an API key when one is set, else basic auth when a user is.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(ElasticsearchProperties properties) {
        HttpHost[] hosts = properties.url().stream().map(String::trim).map(HttpHost::create).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts);
        if (properties.hasApiKey()) {
            builder.setDefaultHeaders(new Header[] {
                    new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + properties.apiKey().trim())});
        }
        return builder
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout((int) properties.connectTimeout().toMillis())
                        .setSocketTimeout((int) properties.socketTimeout().toMillis()))
                .setHttpClientConfigCallback(http -> {
                    // The low-level client's own limits (10 per node, 30 in all) would queue searches behind bulks.
                    http.setMaxConnPerRoute(properties.maxConnectionsPerNode())
                            .setMaxConnTotal(properties.maxConnectionsPerNode() * hosts.length);
                    if (properties.hasUsername() && !properties.hasApiKey()) {
                        var credentials = new BasicCredentialsProvider();
                        credentials.setCredentials(AuthScope.ANY,
                                new UsernamePasswordCredentials(properties.username(), properties.password()));
                        http.setDefaultCredentialsProvider(credentials);
                    }
                    return http;
                })
                .build();
    }

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(mapper)));
    }
}
