package io.akhbar.nlp.enrichment;

import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.contracts.PipelineLog;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the record's trace id (header {@code akhbar-trace-id}) and article id (the record key) in the MDC for as long
 * as the container handles the record: conversion, enrichment, retries and the binder's dead-lettering alike, so
 * that every line logged meanwhile names the article. Cleared after each record, whatever its fate.
 */
final class ArticleLogContext<K, V> implements RecordInterceptor<K, V> {

    @Override
    public ConsumerRecord<K, V> intercept(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
        enter(record);
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
        leave();
    }

    static void enter(ConsumerRecord<?, ?> record) {
        Header trace = record.headers().lastHeader(ArticleHeaders.TRACE_ID);
        String traceId = trace == null ? null : ArticleHeaders.text(trace.value());
        if (traceId != null) {
            MDC.put(PipelineLog.TRACE_ID, traceId);
        }
        String articleId = ArticleHeaders.text(record.key());
        if (articleId != null) {
            MDC.put(PipelineLog.ARTICLE_ID, articleId);
        }
    }

    static void leave() {
        MDC.remove(PipelineLog.TRACE_ID);
        MDC.remove(PipelineLog.ARTICLE_ID);
    }
}
