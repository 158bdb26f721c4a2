package io.akhbar.contracts;

/**
 * The names the three services log an article's way under, so that one query follows it through all of them:
 * every line written while a service handles an article carries {@link #TRACE_ID} and {@link #ARTICLE_ID} in the MDC
 * (fields {@code trace.id} and {@code article.id} of the JSON log line), and each stage writes one line per article
 * to the logger {@link #LOGGER} (INFO when done, WARN when given up on), which operators can turn down alone.
 */
public final class PipelineLog {

    /** The logger of the per-article lines: {@code logging.level.akhbar.pipeline=WARN} keeps only failures. */
    public static final String LOGGER = "akhbar.pipeline";

    /** MDC key of the trace id, the value of the {@link ArticleHeaders#TRACE_ID} header (ECS field {@code trace.id}). */
    public static final String TRACE_ID = "trace.id";

    /** MDC key of the article id, the record key. */
    public static final String ARTICLE_ID = "article.id";

    private PipelineLog() {
    }
}
