package io.akhbar.nlp.enrichment;

import io.akhbar.arabic.enrich.Enricher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One shared {@link Enricher}: its gazetteer and tables are built here, at startup, not on the first record. */
@Configuration(proxyBeanMethods = false)
class EnricherConfiguration {

    @Bean
    Enricher enricher() {
        Enricher enricher = new Enricher();
        enricher.enrich("", "تهيئة"); // touches every lazily loaded table and word list
        return enricher;
    }
}
