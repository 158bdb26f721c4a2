package io.akhbar.search.indexing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTest {

    @Test
    void carriesTheArticlesHeadersAsBytesButNotAnEarlierFailuresOrTheBinders() {
        byte[] trace = "trace-1".getBytes(StandardCharsets.UTF_8);

        assertThat(DeadLetters.carried("akhbar-trace-id", trace)).isSameAs(trace);
        assertThat(DeadLetters.carried("akhbar-ingested-at", 1769077000000L))
                .isEqualTo("1769077000000".getBytes(StandardCharsets.UTF_8));
        assertThat(DeadLetters.carried("akhbar-replay-count", "2")).isEqualTo("2".getBytes(StandardCharsets.UTF_8));
        assertThat(DeadLetters.carried("x-original-offset", new byte[8])).isNull();
        assertThat(DeadLetters.carried("x-exception-message", trace)).isNull();
        assertThat(DeadLetters.carried("contentType", "application/json")).isNull();
        assertThat(DeadLetters.carried("something", new Object())).isNull();
    }

    @Test
    void timestampTypesAreWrittenAsTheBinderWritesThem() {
        assertThat(IndexingFunctions.timestampType("CREATE_TIME")).isEqualTo("CreateTime");
        assertThat(IndexingFunctions.timestampType("LOG_APPEND_TIME")).isEqualTo("LogAppendTime");
        assertThat(IndexingFunctions.timestampType("odd")).isEqualTo("odd");
        assertThat(IndexingFunctions.timestampType(null)).isNull();
    }
}
