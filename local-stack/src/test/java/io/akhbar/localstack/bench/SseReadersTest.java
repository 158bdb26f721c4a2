package io.akhbar.localstack.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SseReadersTest {

    private static final String EVENTS = "event:ready\ndata:{}\n\n"
            + "id:MTo\nevent:article\ndata:{\"title\":\"event:article\"}\n\n"
            + "id:Mjo\nevent:article\ndata:{\"title\":\"بوتين\"}\n\n";

    @Test
    void chunkedResponseIsDecodedWhereverTheReadsSplitIt() {
        byte[] response = response(chunked(EVENTS + "id:Mzo\nevent:article\ndata:{}\n\n", 17) + "0\r\n\r\n");

        for (int split = 0; split <= response.length; split++) {
            SseReaders.Stream stream = new SseReaders.Stream();
            stream.accept(response, 0, split);
            stream.accept(response, split, response.length - split);

            assertThat(stream.articles()).as("split at %d", split).isEqualTo(3);
            assertThat(stream.ready()).isTrue();
            assertThat(stream.failure()).isEqualTo("closed by the service");
        }
    }

    @Test
    void chunkSizesAreNotReadAsEventText() {
        // A chunk boundary inside "event:article" must not hide the line, and a chunk header must not add one.
        String body = "3;ext=1\r\neve\r\nB\r\nnt:article\n\r\n5\r\ndata:\r\n";
        byte[] response = response(body);
        SseReaders.Stream stream = new SseReaders.Stream();

        for (byte b : response) {
            stream.accept(new byte[] {b}, 0, 1);
        }

        assertThat(stream.articles()).isEqualTo(1);
        assertThat(stream.ended()).isFalse();
    }

    @Test
    void errorStatusEndsTheStreamWithTheStatusLine() {
        byte[] response = ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\n\r\n{}")
                .getBytes(StandardCharsets.US_ASCII);
        SseReaders.Stream stream = new SseReaders.Stream();

        stream.accept(response, 0, response.length);

        assertThat(stream.ended()).isTrue();
        assertThat(stream.failure()).isEqualTo("HTTP/1.1 503 Service Unavailable");
    }

    @Test
    void readsStreamsFromARealSocketUntilTheServerCloses() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                SseReaders readers = new SseReaders()) {
            CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> serveOnce(server));
            SseReaders.Stream stream = readers.open(URI.create("http://127.0.0.1:" + server.getLocalPort()
                    + "/api/v1/stream?q=%D8%A8%D9%88%D8%AA%D9%8A%D9%86"));

            await().atMost(Duration.ofSeconds(10)).until(stream::ended);

            assertThat(request.get()).startsWith("GET /api/v1/stream?q=%D8%A8%D9%88%D8%AA%D9%8A%D9%86 HTTP/1.1\r\n")
                    .contains("Accept: text/event-stream\r\n");
            assertThat(stream.articles()).isEqualTo(2);
            assertThat(stream.ready()).isTrue();
            assertThat(stream.failure()).isEqualTo("closed by the service");
        }
    }

    private static String serveOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            while (!request.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                request.write(in.read());
            }
            OutputStream out = socket.getOutputStream();
            out.write(response(chunked(EVENTS, 40)));
            out.flush();
            // No final chunk: the stream ends when the connection does, as when the service goes away.
            return request.toString(StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] response(String body) {
        return ("HTTP/1.1 200 \r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code text} as chunks of at most {@code size} bytes, split wherever that falls (inside lines too), one char
     * per byte as {@link #response} sends them.
     */
    private static String chunked(String text, int size) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder body = new StringBuilder();
        for (int from = 0; from < bytes.length; from += size) {
            int length = Math.min(size, bytes.length - from);
            body.append(Integer.toHexString(length)).append("\r\n")
                    .append(new String(bytes, from, length, StandardCharsets.ISO_8859_1)).append("\r\n");
        }
        return body.toString();
    }
}
