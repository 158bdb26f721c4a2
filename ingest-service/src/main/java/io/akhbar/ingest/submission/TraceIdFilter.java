package io.akhbar.ingest.submission;

import io.akhbar.contracts.PipelineLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Gives every request its trace id before anything else runs, so that every line logged for it (problems included)
 * carries it; the client gets it back in {@code X-Trace-Id} to quote when asking about an article, and the publisher
 * puts it in the Kafka header that carries it through the other services.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TraceIdFilter extends OncePerRequestFilter {

    static final String TRACEPARENT = "traceparent";
    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACE_ID = "X-Trace-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = TraceIds.forRequest(request.getHeader(TRACEPARENT), request.getHeader(REQUEST_ID));
        response.setHeader(TRACE_ID, traceId);
        MDC.put(PipelineLog.TRACE_ID, traceId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(PipelineLog.TRACE_ID);
        }
    }
}
