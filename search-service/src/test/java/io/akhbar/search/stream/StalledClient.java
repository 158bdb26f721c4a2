package io.akhbar.search.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A client that sends its request and never reads the answer: the server's writes to it block once buffers fill. */
final class StalledClient implements AutoCloseable {

    private final Socket socket;

    private StalledClient(Socket socket) {
        this.socket = socket;
    }

    static StalledClient open(int port, String path) throws IOException {
        Socket socket = new Socket();
        // Small, and fixed before connecting: the kernel does not grow a receive buffer that was set.
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new StalledClient(socket);
    }

    @Override
    public void close() throws IOException {
        // A reset rather than an orderly close: the server's blocked write fails at once.
        socket.setSoLinger(true, 0);
        socket.close();
    }
}
