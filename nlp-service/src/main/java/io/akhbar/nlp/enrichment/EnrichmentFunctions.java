package io.akhbar.nlp.enrichment;

import io.akhbar.contracts.ArticleEnriched;
import io.akhbar.contracts.ArticleSubmitted;
import io.akhbar.contracts.PipelineLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

import java.util.function.Function;

/**
 * The stream binding: {@code enrich-in-0} (articles.raw) to {@code enrich-out-0} (articles.enriched). Input headers,
 * among them the ingest timestamp and trace id, are carried over to the output by Spring Cloud Stream.
 */
@Configuration(proxyBeanMethods = false)
class EnrichmentFunctions {

    private static final Logger pipeline = LoggerFactory.getLogger(PipelineLog.LOGGER);

    @Bean
    Function<ArticleSubmitted, ArticleEnriched> enrich(ArticleEnricher enricher, MeterRegistry meters) {
        Timer enrichment = Timer.builder("akhbar.enrichment").description("Time to enrich one article")
                .publishPercentileHistogram().register(meters);
        Counter enriched = Counter.builder("akhbar.articles.enriched")
                .description("Articles enriched and handed to the binder for articles.enriched").register(meters);
        return article -> {
            ArticleEnriched result = enrichment.record(() -> enricher.enrich(article));
            enriched.increment();
            // trace.id and article.id are in the MDC (ArticleLogContext); the arguments are only formatted if logged.
            pipeline.info("enriched: language {}, {} entities, {} us", result.language().code(),
                    result.entities().size(), result.processingMicros());
            return result;
        };
    }

    /** Every line logged while a record is handled names its article and trace. */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> articleLogContext() {
        return (container, destination, group) -> withLogContext(container);
    }

    private static <K, V> void withLogContext(AbstractMessageListenerContainer<K, V> container) {
        container.setRecordInterceptor(new ArticleLogContext<>());
    }

    /** Picked up by the binder for every dead letter it sends: see {@link DeadLetterCounter}. */
    @Bean
    DlqPartitionFunction deadLetterCounter(MeterRegistry meters) {
        return new DeadLetterCounter(meters);
    }
}
