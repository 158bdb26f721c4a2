package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void handsOutDistinctFreePorts() {
        PortAllocator allocator = new PortAllocator(true);
        Set<Integer> ports = new HashSet<>();

        for (int i = 0; i < 20; i++) {
            ports.add(allocator.allocate("test", PortAllocator.ANY));
        }

        assertThat(ports).hasSize(20).allMatch(port -> port > 0);
    }

    @Test
    void keepsARequestedPortThatIsFree() throws IOException {
        int free = unusedPort();

        assertThat(new PortAllocator(false).allocate("test", free)).isEqualTo(free);
    }

    @Test
    void fallsBackToAFreePortWhenTheRequestedOneIsTaken() throws IOException {
        try (ServerSocket taken = listen()) {
            int port = new PortAllocator(true).allocate("test", taken.getLocalPort());

            assertThat(port).isNotEqualTo(taken.getLocalPort()).isPositive();
        }
    }

    @Test
    void failsClearlyWhenTheRequestedPortIsTakenAndFallbackIsOff() throws IOException {
        try (ServerSocket taken = listen()) {
            assertThatThrownBy(() -> new PortAllocator(false).allocate("Kafka", taken.getLocalPort()))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " for Kafka is already in use");
        }
    }

    @Test
    void doesNotHandOutTheSameFixedPortTwice() throws IOException {
        PortAllocator allocator = new PortAllocator(true);
        int port = unusedPort();

        assertThat(allocator.allocate("first", port)).isEqualTo(port);
        assertThat(allocator.allocate("second", port)).isNotEqualTo(port);
    }

    private static ServerSocket listen() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = listen()) {
            return socket.getLocalPort();
        }
    }
}
