package io.akhbar.search.stream;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's socket buffers, for the streams' large writes; Spring Boot has no property for them. Tomcat writes a
 * response through a buffer of its own per connection, one system call per buffer-full: at its 8 KB, a look's burst
 * of events for one stream (often hundreds of KB) took dozens of writes and as many TCP segments. The buffers are
 * direct: at 64 KB they would otherwise put some 20 MB of 300 open streams into the 256 MB heap, and a write from a
 * direct buffer skips the JDK's copy into a temporary native one.
 */
@Configuration(proxyBeanMethods = false)
class StreamSocketConfiguration {

    @Bean
    TomcatConnectorCustomizer streamSocketBuffers(StreamProperties properties) {
        String writeBufferBytes = Long.toString(properties.socketWriteBuffer().toBytes());
        return connector -> {
            set(connector, "socket.appWriteBufSize", writeBufferBytes);
            set(connector, "socket.directBuffer", "true");
        };
    }

    private static void set(Connector connector, String name, String value) {
        // Tomcat hands "socket." properties to its endpoint and answers false for one it does not know.
        if (!connector.setProperty(name, value)) {
            throw new IllegalStateException("Tomcat did not take " + name + "=" + value);
        }
    }
}
