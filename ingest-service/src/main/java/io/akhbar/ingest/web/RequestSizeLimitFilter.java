package io.akhbar.ingest.web;

import io.akhbar.ingest.IngestProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Refuses oversized bodies: at once when Content-Length says so, and while reading when a chunked body grows past
 * the limit, so that no huge article is ever buffered. The batch endpoint has a limit of its own.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** The batch path as clients send it, also with the colon percent-encoded. */
    private static final List<String> BATCH_PATHS = List.of("/api/v1/articles:batch", "/api/v1/articles%3abatch");

    private final long limit;
    private final long batchLimit;
    private final JsonMapper json;

    RequestSizeLimitFilter(IngestProperties properties, JsonMapper json) {
        this.limit = properties.maxRequestSize().toBytes();
        this.batchLimit = properties.batch().maxRequestSize().toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = BATCH_PATHS.contains(request.getRequestURI().toLowerCase(Locale.ROOT)) ? batchLimit : this.limit;
        if (request.getContentLengthLong() > limit) {
            var problem = ProblemAdvice.problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large",
                    new RequestTooLargeException(limit).getMessage());
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // The client may still be sending; closing lets it see the answer instead of a reset connection.
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new RequestTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
