package io.akhbar.guard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Runs before everything else that reads a request: rate limit first (so that guessing keys is limited too), then the
 * key. Refusals are RFC 9457 problem+json like every other error of the services. The key headers are hidden from
 * everything after this filter, so that no handler, log or error page can echo them.
 */
final class GuardFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "bearer ";
    private static final Logger LOG = LoggerFactory.getLogger(GuardFilter.class);

    private final AccessRules rules;
    private final ApiKeyCheck keys;
    private final GuardProperties.Access readAccess;
    private final TokenBuckets keyedLimit;
    private final TokenBuckets openLimit;

    GuardFilter(GuardProperties properties, LongSupplier nanoClock) {
        this.rules = new AccessRules(properties);
        this.keys = new ApiKeyCheck(properties.apiKeys());
        this.readAccess = properties.readAccess();
        GuardProperties.RateLimit limit = properties.rateLimit();
        this.keyedLimit = buckets(limit, limit.keyed(), nanoClock);
        this.openLimit = buckets(limit, limit.open(), nanoClock);
        if (!keys.configured()) {
            LOG.warn("No API keys configured (akhbar.guard.api-keys, environment AKHBAR_API_KEYS): {} refuse every "
                    + "request", properties.keyedPaths());
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AccessRules.Kind kind = rules.classify(request);
        if (kind == AccessRules.Kind.PUBLIC) {
            chain.doFilter(request, response);
            return;
        }
        String presented = presentedKey(request);
        Optional<String> keyClient = keys.verify(presented);
        TokenBuckets limit = kind == AccessRules.Kind.KEYED ? keyedLimit : openLimit;
        if (limit != null) {
            Duration wait = limit.acquire(keyClient.orElseGet(() -> "address:" + request.getRemoteAddr()));
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                        "This client sent more requests than allowed; retry after " + seconds + " s.");
                return;
            }
        }
        boolean keyNeeded = kind == AccessRules.Kind.KEYED || readAccess == GuardProperties.Access.KEYED;
        if (keyNeeded && keyClient.isEmpty()) {
            if (!keys.configured()) {
                refuse(request, response, HttpStatus.FORBIDDEN, "api-keys-not-configured", "API keys not configured",
                        "This endpoint needs an API key, and the service has none configured (set AKHBAR_API_KEYS), "
                                + "so it refuses every request.");
            } else if (presented == null) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"akhbar\"");
                refuse(request, response, HttpStatus.UNAUTHORIZED, "api-key-missing", "API key missing",
                        "This endpoint needs an API key in the " + API_KEY_HEADER
                                + " header (or Authorization: Bearer <key>).");
            } else {
                // Which part was wrong, or how close it came, is nobody's business: one fixed answer.
                refuse(request, response, HttpStatus.FORBIDDEN, "api-key-invalid", "API key not accepted",
                        "The API key sent is not one this service accepts.");
            }
            return;
        }
        chain.doFilter(new WithoutKeyHeaders(request), response);
    }

    /** The X-API-Key header, else an Authorization bearer token; null when the client sent neither. */
    static String presentedKey(HttpServletRequest request) {
        String key = request.getHeader(API_KEY_HEADER);
        if (key != null && !key.isBlank()) {
            return key.trim();
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            String token = authorization.substring(BEARER.length()).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                        String title, String detail) throws IOException {
        // The path and the remote address only: the key, right or wrong, is never logged.
        LOG.debug("{} {} from {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), type);
        Problems.write(response, status.value(), type, title, detail, request.getRequestURI());
    }

    private static TokenBuckets buckets(GuardProperties.RateLimit limit, GuardProperties.Budget budget,
                                        LongSupplier nanoClock) {
        return limit.enabled() && budget.requestsPerSecond() > 0
                ? new TokenBuckets(budget, limit.maxClients(), nanoClock)
                : null;
    }

    /** The request as handlers see it: without the headers that carried the key. */
    private static final class WithoutKeyHeaders extends HttpServletRequestWrapper {

        private static final List<String> HIDDEN = List.of(API_KEY_HEADER.toLowerCase(Locale.ROOT),
                HttpHeaders.AUTHORIZATION.toLowerCase(Locale.ROOT));

        WithoutKeyHeaders(HttpServletRequest request) {
            super(request);
        }

        private static boolean hidden(String name) {
            return name != null && HIDDEN.contains(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !hidden(name)).toList());
        }
    }
}
