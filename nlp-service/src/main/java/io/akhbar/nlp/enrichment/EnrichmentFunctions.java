package io.akhbar.nlp.enrichment;

import io.akhbar.contracts.ArticleEnriched;
import io.akhbar.contracts.ArticleSubmitted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
    Function<ArticleSubmitted, ArticleEnriched> enrich(ArticleEnricher enricher, MeterRegistry meters) {
        Timer enrichment = Timer.builder("akhbar.enrichment").description("Time to enrich one article")
                .publishPercentileHistogram().register(meters);
        Counter enriched = Counter.builder("akhbar.articles.enriched")
                .description("Articles enriched and handed to the binder for articles.enriched").register(meters);
        return article -> {
            ArticleEnriched result = enrichment.record(() -> enricher.enrich(article));
            enriched.increment();
            return result;
        };
    }
}
