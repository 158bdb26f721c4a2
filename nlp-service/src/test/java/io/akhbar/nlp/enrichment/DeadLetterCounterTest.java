package io.akhbar.nlp.enrichment;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.PipelineLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.converter.MessageConversionException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterCounterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DeadLetterCounter counter = new DeadLetterCounter(meters);

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void countsEachDeadLetterByStageAndReasonAndKeepsTheOriginalPartition() {
        ConsumerRecord<String, byte[]> poison = record("article-1", "trace-1", 4);

        Integer partition = counter.apply("nlp-service", poison, new ListenerExecutionFailedException("failed",
                new MessagingException("conversion", new MessageConversionException("not JSON"))));
        counter.apply("nlp-service", poison, new ListenerExecutionFailedException("failed",
                new MessagingException("contract", new IllegalArgumentException("body must not be blank"))));
        counter.apply("nlp-service", poison, new ListenerExecutionFailedException("failed",
                new IllegalStateException("still broken after three tries")));

        assertThat(partition).isEqualTo(4);
        assertThat(count("unreadable")).isEqualTo(1);
        assertThat(count("invalid")).isEqualTo(1);
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void recordContextNamesTheArticleAndTraceWhileHandledAndIsClearedAfter() {
        ConsumerRecord<String, byte[]> record = record("article-2", "trace-2", 0);
        var context = new ArticleLogContext<String, byte[]>();

        context.intercept(record, null);
        String trace = MDC.get(PipelineLog.TRACE_ID);
        String article = MDC.get(PipelineLog.ARTICLE_ID);
        context.afterRecord(record, null);

        assertThat(trace).isEqualTo("trace-2");
        assertThat(article).isEqualTo("article-2");
        assertThat(MDC.get(PipelineLog.TRACE_ID)).isNull();
        assertThat(MDC.get(PipelineLog.ARTICLE_ID)).isNull();
    }

    @Test
    void aDeadLetterOutsideARecordContextLeavesNoContextBehind() {
        counter.apply("nlp-service", record("article-3", "trace-3", 1), new IllegalStateException("x"));

        assertThat(count("failed")).isEqualTo(1);
        assertThat(MDC.get(PipelineLog.TRACE_ID)).isNull();
        assertThat(MDC.get(PipelineLog.ARTICLE_ID)).isNull();
    }

    private double count(String reason) {
        var counter = meters.find("akhbar.articles.dead.lettered").tag("stage", "enrichment").tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static ConsumerRecord<String, byte[]> record(String key, String traceId, int partition) {
        var record = new ConsumerRecord<>("articles.raw", partition, 7L, key, "{".getBytes(StandardCharsets.UTF_8));
        if (traceId != null) {
            record.headers().add(ArticleHeaders.TRACE_ID, traceId.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
