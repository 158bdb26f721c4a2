package io.akhbar.search.indexing;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.PipelineLog;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IndexingFunctionsTest {

    @Test
    void eachRecordOfABatchKeepsItsKeyTraceAndIngestTime() {
        var message = MessageBuilder.withPayload(List.of(new byte[] {1}, new byte[] {2}))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of("articles.enriched", "articles.enriched"))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(0, 3))
                .setHeader(KafkaHeaders.OFFSET, List.of(10L, 11L))
                .setHeader(KafkaHeaders.RECEIVED_KEY, List.of("article-1", "article-2"))
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.of(
                        Map.of(ArticleHeaders.TRACE_ID, "trace-1".getBytes(StandardCharsets.UTF_8),
                                ArticleHeaders.INGESTED_AT, "1700000000000".getBytes(StandardCharsets.UTF_8)),
                        Map.of()))
                .build();

        List<IncomingRecord> records = IndexingFunctions.records(message);

        assertThat(records.get(0).key()).isEqualTo("article-1");
        assertThat(records.get(0).traceId()).isEqualTo("trace-1");
        assertThat(records.get(0).ingestedAtMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(records.get(1).key()).isEqualTo("article-2");
        assertThat(records.get(1).traceId()).isNull();
        assertThat(records.get(1).origin()).isEqualTo("articles.enriched/3@11");
    }

    @Test
    void logContextNamesTheRecordAndIsClearedAfter() {
        var record = new IncomingRecord(new byte[0], "articles.enriched", 0, 1L, null, "key-id", "trace-9", null, null, null);

        record.enterLogContext("parsed-id");
        String trace = MDC.get(PipelineLog.TRACE_ID);
        String article = MDC.get(PipelineLog.ARTICLE_ID);
        IncomingRecord.leaveLogContext();

        assertThat(trace).isEqualTo("trace-9");
        assertThat(article).isEqualTo("parsed-id");
        assertThat(MDC.get(PipelineLog.TRACE_ID)).isNull();
        assertThat(MDC.get(PipelineLog.ARTICLE_ID)).isNull();
    }
}
