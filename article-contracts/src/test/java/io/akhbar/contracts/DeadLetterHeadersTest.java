package io.akhbar.contracts;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterHeadersTest {

    @Test
    void carriesTheArticlesHeadersAsBytesButNotAnEarlierFailuresOrTheBinders() {
        byte[] trace = "trace-1".getBytes(StandardCharsets.UTF_8);

        assertThat(DeadLetterHeaders.carried("akhbar-trace-id", trace)).isSameAs(trace);
        assertThat(DeadLetterHeaders.carried("akhbar-ingested-at", 1769077000000L))
                .isEqualTo("1769077000000".getBytes(StandardCharsets.UTF_8));
        assertThat(DeadLetterHeaders.carried("akhbar-replay-count", "2")).isEqualTo("2".getBytes(StandardCharsets.UTF_8));
        assertThat(DeadLetterHeaders.carried("x-original-offset", new byte[8])).isNull();
        assertThat(DeadLetterHeaders.carried("x-exception-message", trace)).isNull();
        assertThat(DeadLetterHeaders.carried("contentType", "application/json")).isNull();
        assertThat(DeadLetterHeaders.carried("something", new Object())).isNull();
    }

    @Test
    void describesWhereTheRecordCameFromAndWhyInTheBindersEncodings() {
        Map<String, byte[]> headers = DeadLetterHeaders.of("articles.raw", 3, 41L, 1769077000000L, "CreateTime",
                "unreadable", new IllegalArgumentException("outer", new IllegalStateException("inner")));

        assertThat(new String(headers.get(DeadLetterHeaders.ORIGINAL_TOPIC), StandardCharsets.UTF_8)).isEqualTo("articles.raw");
        assertThat(ByteBuffer.wrap(headers.get(DeadLetterHeaders.ORIGINAL_PARTITION)).getInt()).isEqualTo(3);
        assertThat(headers.get(DeadLetterHeaders.ORIGINAL_PARTITION)).hasSize(Integer.BYTES);
        assertThat(ByteBuffer.wrap(headers.get(DeadLetterHeaders.ORIGINAL_OFFSET)).getLong()).isEqualTo(41L);
        assertThat(ByteBuffer.wrap(headers.get(DeadLetterHeaders.ORIGINAL_TIMESTAMP)).getLong()).isEqualTo(1769077000000L);
        assertThat(new String(headers.get(DeadLetterHeaders.ORIGINAL_TIMESTAMP_TYPE), StandardCharsets.UTF_8))
                .isEqualTo("CreateTime");
        assertThat(new String(headers.get(DeadLetterHeaders.EXCEPTION_MESSAGE), StandardCharsets.UTF_8)).isEqualTo("unreadable");
        assertThat(new String(headers.get(DeadLetterHeaders.EXCEPTION_FQCN), StandardCharsets.UTF_8))
                .isEqualTo(IllegalArgumentException.class.getName());
        assertThat(new String(headers.get(DeadLetterHeaders.EXCEPTION_STACKTRACE), StandardCharsets.UTF_8))
                .contains("Caused by: java.lang.IllegalStateException: inner");
    }

    @Test
    void unknownPlacesAreMinusOneAndAnUnknownTimeIsLeftOut() {
        Map<String, byte[]> headers = DeadLetterHeaders.of("articles.raw", null, null, null, null, "failed", null);

        assertThat(ByteBuffer.wrap(headers.get(DeadLetterHeaders.ORIGINAL_PARTITION)).getInt()).isEqualTo(-1);
        assertThat(ByteBuffer.wrap(headers.get(DeadLetterHeaders.ORIGINAL_OFFSET)).getLong()).isEqualTo(-1L);
        assertThat(headers).doesNotContainKeys(DeadLetterHeaders.ORIGINAL_TIMESTAMP, DeadLetterHeaders.ORIGINAL_TIMESTAMP_TYPE);
        assertThat(headers.get(DeadLetterHeaders.EXCEPTION_STACKTRACE)).isEmpty();
    }

    @Test
    void timestampTypesAreWrittenAsTheBinderWritesThem() {
        assertThat(DeadLetterHeaders.timestampType("CREATE_TIME")).isEqualTo("CreateTime");
        assertThat(DeadLetterHeaders.timestampType("LOG_APPEND_TIME")).isEqualTo("LogAppendTime");
        assertThat(DeadLetterHeaders.timestampType("CreateTime")).isEqualTo("CreateTime");
        assertThat(DeadLetterHeaders.timestampType("odd")).isEqualTo("odd");
        assertThat(DeadLetterHeaders.timestampType(null)).isNull();
    }
}
