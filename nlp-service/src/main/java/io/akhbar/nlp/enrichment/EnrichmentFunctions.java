package io.akhbar.nlp.enrichment;

import io.akhbar.contracts.ArticleEnriched;
import io.akhbar.contracts.ArticleSubmitted;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/**
 * The stream binding: {@code enrich-in-0} (articles.raw) to {@code enrich-out-0} (articles.enriched). Input headers,
 * among them the ingest timestamp and trace id, are carried over to the output by Spring Cloud Stream.
 */
@Configuration(proxyBeanMethods = false)
class EnrichmentFunctions {

    @Bean
    Function<ArticleSubmitted, ArticleEnriched> enrich(ArticleEnricher enricher) {
        return enricher::enrich;
    }
}
