package io.akhbar.search.stream;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StreamSocketConfigurationTest {

    @Test
    void tomcatWritesToSocketsFromDirectBuffersOfTheConfiguredSize() {
        Connector connector = new Connector();

        new StreamSocketConfiguration().streamSocketBuffers(properties(DataSize.ofKilobytes(64))).customize(connector);

        assertThat(connector.getProperty("socket.appWriteBufSize")).isEqualTo("65536");
        assertThat(connector.getProperty("socket.directBuffer")).isEqualTo("true");
    }

    private static StreamProperties properties(DataSize socketWriteBuffer) {
        return new StreamProperties(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(15), 10, 10,
                10, Duration.ofMinutes(1), 1, 1, 500, socketWriteBuffer);
    }
}
