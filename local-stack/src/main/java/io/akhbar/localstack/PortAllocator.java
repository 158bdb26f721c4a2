package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out distinct loopback ports. There is an unavoidable race between probing a port and the child binding it;
 * a child that loses it exits, and the readiness check then reports its log.
 */
final class PortAllocator {

    static final int ANY = 0;

    private static final System.Logger LOG = System.getLogger(PortAllocator.class.getName());

    private final boolean fallBackToFreePort;
    private final Set<Integer> handedOut = new HashSet<>();

    PortAllocator(boolean fallBackToFreePort) {
        this.fallBackToFreePort = fallBackToFreePort;
    }

    synchronized int allocate(String purpose, int requested) {
        if (requested == ANY) {
            return freePort();
        }
        if (!handedOut.contains(requested) && isFree(requested)) {
            handedOut.add(requested);
            return requested;
        }
        if (!fallBackToFreePort) {
            throw new LocalStackException("Port " + requested + " for " + purpose + " is already in use");
        }
        int replacement = freePort();
        LOG.log(System.Logger.Level.WARNING,
                "Port " + requested + " for " + purpose + " is taken, using " + replacement + " instead");
        return replacement;
    }

    private int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = ephemeralPort();
            if (handedOut.add(port)) {
                return port;
            }
        }
        throw new LocalStackException("Could not find a free loopback port");
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Without this, Linux lets us bind next to a listener in some states and we would report a taken port free.
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a loopback socket", e);
        }
    }
}
