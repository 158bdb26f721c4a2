package io.akhbar.ingest.submission;

import io.akhbar.contracts.PipelineLog;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class TraceIdsTest {

    private static final String W3C_ID = "[0-9a-f]{32}";

    @Test
    void takesTheTraceIdOfAValidTraceparent() {
        assertThat(TraceIds.forRequest("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "ignored-request"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void refusesTraceparentsTheSpecDeclaresInvalid() {
        assertThat(TraceIds.forRequest("00-00000000000000000000000000000000-00f067aa0ba902b7-01", null))
                .matches(W3C_ID).isNotEqualTo("00000000000000000000000000000000");
        assertThat(TraceIds.forRequest("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null))
                .isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceIds.forRequest("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", null))
                .isNotEqualTo("4BF92F3577B34DA6A3CE929D0E0E4736");
        assertThat(TraceIds.forRequest("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", null))
                .isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void fallsBackToARequestIdOfSafeCharacters() {
        assertThat(TraceIds.forRequest("garbage", "req-42.abc:7")).isEqualTo("req-42.abc:7");
        assertThat(TraceIds.forRequest(null, "has space\"quote")).matches(W3C_ID);
        assertThat(TraceIds.forRequest(null, "x".repeat(65))).matches(W3C_ID);
    }

    @Test
    void generatesDistinctW3cIdsOtherwise() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(TraceIds.forRequest(null, null));
        }
        assertThat(ids).hasSize(1000).allMatch(id -> id.matches(W3C_ID));
    }

    @Test
    void filterPutsTheTraceInTheMdcAndTheResponseAndClearsItAfter() throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/v1/articles");
        request.addHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        var response = new MockHttpServletResponse();
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicReference<String> published = new AtomicReference<>();
        var chain = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.set(MDC.get(PipelineLog.TRACE_ID));
                published.set(TraceIds.current());
            }
        };

        new TraceIdFilter().doFilter(request, response, chain);

        assertThat(seen.get()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(published.get()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(response.getHeader("X-Trace-Id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(MDC.get(PipelineLog.TRACE_ID)).isNull();
    }

    @Test
    void withoutATraceInTheMdcEachArticleGetsItsOwn() {
        MDC.remove(PipelineLog.TRACE_ID);
        assertThat(TraceIds.current()).matches(W3C_ID).isNotEqualTo(TraceIds.current());
    }
}
