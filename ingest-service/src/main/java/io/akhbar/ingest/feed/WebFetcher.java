package io.akhbar.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * GETs feeds and article pages: politely (one request per host per interval), with a size cap, gzip, and redirects
 * followed by hand so that every hop passes the same checks. URLs come from API clients, so unless allowed it
 * refuses addresses inside the network (loopback, private, link-local); a DNS answer that changes between the check
 * and the connection can still get through, which is why production should also restrict egress.
 */
final class WebFetcher {

    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClient client;
    private final HostThrottle throttle;
    private final Duration requestTimeout;
    private final String userAgent;
    private final boolean allowPrivateHosts;

    WebFetcher(HttpClient client, HostThrottle throttle, Duration requestTimeout, String userAgent,
               boolean allowPrivateHosts) {
        this.client = client;
        this.throttle = throttle;
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent;
        this.allowPrivateHosts = allowPrivateHosts;
    }

    /**
     * @param headers request headers such as Accept, If-None-Match, If-Modified-Since
     * @return the final response; a body only for 2xx
     */
    Response get(URI uri, Map<String, String> headers, long maxBytes) throws IOException, InterruptedException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            checkAllowed(current);
            throttle.acquire(current.getHost());
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                    .timeout(requestTimeout)
                    .header("User-Agent", userAgent)
                    .header("Accept-Encoding", "gzip")
                    .GET();
            headers.forEach(request::header);
            HttpResponse<byte[]> response = send(request.build(), maxBytes);
            int status = response.statusCode();
            if (REDIRECTS.contains(status) && response.headers().firstValue("Location").isPresent()) {
                current = current.resolve(response.headers().firstValue("Location").get().strip());
                continue;
            }
            byte[] body = response.body();
            boolean gzip = response.headers().firstValue("Content-Encoding")
                    .map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
            if (gzip && body.length > 0) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = readCapped(in, maxBytes, current);
                }
            }
            return new Response(status, body, header(response, "Content-Type"), header(response, "ETag"),
                    header(response, "Last-Modified"), header(response, "Retry-After"), current);
        }
        throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + uri);
    }

    /**
     * The client's timeout ends with the response headers; this bounds the whole exchange, body included, so that a
     * server that trickles its body cannot hold a poller thread.
     */
    private HttpResponse<byte[]> send(HttpRequest request, long maxBytes) throws IOException, InterruptedException {
        var exchange = client.sendAsync(request, info -> info.statusCode() / 100 == 2
                ? new CappedBody(maxBytes, request.uri())
                : HttpResponse.BodySubscribers.replacing(new byte[0]));
        try {
            return exchange.get(requestTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("no complete answer from " + request.uri().getHost() + " within " + requestTimeout.multipliedBy(2));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static byte[] readCapped(InputStream in, long maxBytes, URI uri) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            throw new IOException("the response from " + uri.getHost() + " is larger than " + maxBytes + " bytes");
        }
        return body;
    }

    /** Collects a body up to a size, and gives up (closing the connection) as soon as it grows past it. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long maxBytes;
        private final URI uri;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBody(long maxBytes, URI uri) {
            this.maxBytes = maxBytes;
            this.uri = uri;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer next : buffers) {
                if (buffer.size() + (long) next.remaining() > maxBytes) {
                    subscription.cancel();
                    body.completeExceptionally(new IOException(
                            "the response from " + uri.getHost() + " is larger than " + maxBytes + " bytes"));
                    return;
                }
                byte[] bytes = new byte[next.remaining()];
                next.get(bytes);
                buffer.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(buffer.toByteArray());
        }
    }

    private void checkAllowed(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IOException("only http and https URLs are fetched: " + uri);
        }
        if (allowPrivateHosts) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new IOException("unknown host " + uri.getHost(), e);
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new IOException("refusing to fetch " + uri.getHost() + ": it resolves to an internal address");
            }
        }
    }

    static boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
        boolean sharedV4 = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || sharedV4;
    }

    /** A literal address or localhost, judged without a DNS lookup; used to refuse such subscriptions up front. */
    static boolean isInternalLiteral(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        boolean literal = h.startsWith("[") || h.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        if (!literal) {
            return false;
        }
        try {
            return isInternal(InetAddress.getByName(h.replace("[", "").replace("]", "")));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * @param uri the URI that answered, after redirects
     */
    record Response(int status, byte[] body, String contentType, String etag, String lastModified, String retryAfter,
                    URI uri) {
    }
}
