package io.akhbar.localstack.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-Sent Event streams read by one selector thread, for the live-stream scenario. The subscribers share the two
 * cores with the pipeline they measure, so they do as little as a client can: each read lands in one reused buffer,
 * the chunked body is decoded in place, and the bytes are scanned for {@code event:} lines without decoding the
 * events, skipping each line once it cannot be an {@code event:} line. A real deployment's subscribers run elsewhere;
 * here every CPU second they take is one the pipeline does not get, so the reader thread also runs at the lowest CPU
 * priority where the OS allows it: the scheduler gives it what the services leave rather than an equal share. It
 * still reads every event, and its CPU time is still the benchmark's.
 */
final class SseReaders implements AutoCloseable {

    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final Selector selector;
    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final CompletableFuture<Boolean> lowered = new CompletableFuture<>();
    private volatile boolean closed;

    SseReaders() throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this::readAll, "bench-sse-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Connects and sends {@code GET uri} with {@code Accept: text/event-stream}; the response is read from then on. */
    Stream open(URI uri) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MILLIS);
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            ByteBuffer request = ByteBuffer.wrap(("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            while (request.hasRemaining()) {
                channel.write(request);
            }
            channel.configureBlocking(false);
            Stream stream = new Stream();
            streams.add(stream);
            channel.register(selector, SelectionKey.OP_READ, stream);
            selector.wakeup();
            return stream;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** @return whether the reader thread runs at {@link LowestPriority}, once it has tried */
    boolean atLowestPriority() {
        return lowered.join();
    }

    private void readAll() {
        boolean atLowest = false;
        try {
            atLowest = LowestPriority.lowerCallingThread();
        } finally {
            // Whatever happened, whoever waits to log the priority must not wait forever.
            lowered.complete(atLowest);
        }
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
        try {
            while (!closed) {
                selector.select(key -> read(key, buffer), 1_000);
            }
        } catch (IOException | RuntimeException e) {
            streams.forEach(stream -> stream.end("reader failed: " + e));
        }
    }

    private static void read(SelectionKey key, ByteBuffer buffer) {
        Stream stream = (Stream) key.attachment();
        SocketChannel channel = (SocketChannel) key.channel();
        buffer.clear();
        try {
            int read = channel.read(buffer);
            if (read < 0) {
                stream.end("closed by the service");
            } else {
                stream.accept(buffer.array(), 0, read);
            }
        } catch (IOException e) {
            stream.end(e.toString());
        }
        if (stream.ended()) {
            key.cancel();
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing more to read from it either way.
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    /**
     * One stream's response, fed in pieces as they arrive, always by the reader thread (no locks): the status line
     * and headers, then the body, de-chunked when it is chunked, scanned for its {@code event:} lines.
     */
    static final class Stream {

        private enum State { HEADERS, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, BODY }

        private final EventLines articleEvents = new EventLines("article");
        private final EventLines readyEvents = new EventLines("ready");
        private final AtomicLong articles = new AtomicLong();
        private final StringBuilder head = new StringBuilder();
        private State state = State.HEADERS;
        private long chunkLeft;
        private boolean chunkSizeDone;
        private volatile boolean ready;
        private volatile boolean ended;
        private volatile String failure;

        void accept(byte[] bytes, int offset, int length) {
            int i = offset;
            int end = offset + length;
            while (i < end && !ended) {
                switch (state) {
                    case HEADERS -> i = header(bytes, i, end);
                    case CHUNK_SIZE -> i = chunkSize(bytes, i, end);
                    case CHUNK_DATA -> {
                        int take = (int) Math.min(chunkLeft, end - i);
                        scan(bytes, i, i + take);
                        i += take;
                        chunkLeft -= take;
                        if (chunkLeft == 0) {
                            state = State.CHUNK_END;
                        }
                    }
                    case CHUNK_END -> {
                        if (bytes[i++] == '\n') {
                            state = State.CHUNK_SIZE;
                        }
                    }
                    case BODY -> {
                        scan(bytes, i, end);
                        i = end;
                    }
                }
            }
        }

        private int header(byte[] bytes, int from, int end) {
            int i = from;
            while (i < end) {
                head.append((char) (bytes[i++] & 0xff));
                int n = head.length();
                if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n'
                        && head.charAt(n - 4) == '\r') {
                    headersDone();
                    return i;
                }
            }
            return i;
        }

        private void headersDone() {
            String[] lines = head.toString().split("\r\n");
            String[] status = lines[0].split(" ", 3);
            if (status.length < 2 || !status[1].equals("200")) {
                end(lines[0]);
                return;
            }
            boolean chunked = false;
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            }
            state = chunked ? State.CHUNK_SIZE : State.BODY;
        }

        /** The hexadecimal size line of the next chunk; extensions after ';' and the CR are skipped. */
        private int chunkSize(byte[] bytes, int from, int end) {
            int i = from;
            while (i < end) {
                byte b = bytes[i++];
                if (b == '\n') {
                    if (chunkLeft == 0) {
                        end("closed by the service");
                    } else {
                        state = State.CHUNK_DATA;
                    }
                    chunkSizeDone = false;
                    return i;
                }
                int digit = Character.digit(b, 16);
                if (digit < 0) {
                    chunkSizeDone = true;
                } else if (!chunkSizeDone) {
                    chunkLeft = chunkLeft * 16 + digit;
                }
            }
            return i;
        }

        private void scan(byte[] bytes, int from, int to) {
            int i = from;
            while (i < to) {
                if (articleEvents.offTheLine() && readyEvents.offTheLine()) {
                    // Most bytes are events' JSON: run to the end of the line without matching each byte.
                    while (i < to && bytes[i] != '\n') {
                        i++;
                    }
                    if (i == to) {
                        return;
                    }
                }
                byte b = bytes[i++];
                if (articleEvents.next(b)) {
                    articles.incrementAndGet();
                }
                if (readyEvents.next(b)) {
                    ready = true;
                }
            }
        }

        void end(String why) {
            if (failure == null) {
                failure = why;
            }
            ended = true;
        }

        boolean ready() {
            return ready;
        }

        boolean ended() {
            return ended;
        }

        String failure() {
            return failure;
        }

        long articles() {
            return articles.get();
        }
    }

    /**
     * Finds the lines {@code event:NAME} in a byte stream fed one byte at a time, across buffer boundaries. An event's
     * data is one line of JSON, so such a line is always an event's name, never part of its data.
     */
    static final class EventLines {

        private final byte[] line;
        /** Bytes of {@link #line} matched since the current line began, or -1 when this line is another. */
        private int matched;

        EventLines(String name) {
            this.line = ("event:" + name + "\n").getBytes(StandardCharsets.US_ASCII);
        }

        /** @return whether the current line is already another one: nothing before its end can complete this */
        boolean offTheLine() {
            return matched < 0;
        }

        /** @return whether this byte completed the line */
        boolean next(byte b) {
            if (matched >= 0 && b == line[matched]) {
                matched++;
                if (matched == line.length) {
                    matched = 0;
                    return true;
                }
                return false;
            }
            matched = b == '\n' ? 0 : -1;
            return false;
        }
    }
}
