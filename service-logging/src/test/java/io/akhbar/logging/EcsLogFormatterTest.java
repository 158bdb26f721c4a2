package io.akhbar.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/**
 * Our lines against Spring Boot's {@code ecs} lines for the same events and the same settings, byte for byte: both
 * formatters are created by Boot's own encoder, as the services create them.
 */
class EcsLogFormatterTest {

    private static final String OURS = EcsLogFormatter.class.getName();

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("an accepted article with its trace and id", event(e -> {
                    e.setMDCPropertyMap(Map.of("trace.id", "4bf92f3577b34da6a3ce929d0e0e4736",
                            "article.id", "0f6b3d6e-6b5e-4f64-9d3f-8f1c2a9e7a10"));
                })),
                Arguments.of("a message that JSON has to escape", event(
                        "العنوان \"ترمب\" و\\بوتين\tفي\nموسكو \u0001 \u2028 🙂 </script>", e -> { })),
                Arguments.of("placeholders and key-value pairs", event("indexed {} articles in {} ms",
                        new Object[] {500, 37}, e -> {
                    e.addKeyValuePair(new KeyValuePair("batch.size", 500));
                    e.addKeyValuePair(new KeyValuePair("source", "الجزيرة"));
                })),
                Arguments.of("a failure with a cause", event(e -> {
                    e.setThrowableProxy(new ThrowableProxy(new IllegalStateException("bulk rejected",
                            new RuntimeException("429 Too Many Requests"))));
                })),
                Arguments.of("markers that refer to markers", event(e -> {
                    var dead = MarkerFactory.getDetachedMarker("dead-letter");
                    dead.add(MarkerFactory.getDetachedMarker("akhbar"));
                    e.addMarker(dead);
                    e.addMarker(MarkerFactory.getDetachedMarker("akhbar"));
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void writesBootsEcsLinesWithServiceSettings(String description, LoggingEvent event) {
        var environment = new MockEnvironment()
                .withProperty("spring.application.name", "ingest-service")
                .withProperty("spring.application.version", "0.1.0-SNAPSHOT")
                .withProperty("spring.application.pid", "4242")
                .withProperty("logging.structured.ecs.service.environment", "test");

        assertSameLines(environment, event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void writesBootsEcsLinesWithoutAnySettings(String description, LoggingEvent event) {
        assertSameLines(new MockEnvironment(), event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void honoursBootsJsonCustomizationAndStackTraceSettings(String description, LoggingEvent event) {
        var environment = new MockEnvironment()
                .withProperty("spring.application.name", "search-service")
                .withProperty("logging.structured.json.exclude", "log.logger,process.thread")
                .withProperty("logging.structured.json.rename.message", "msg")
                .withProperty("logging.structured.json.add.host", "akhbar-1")
                .withProperty("logging.structured.json.stacktrace.root", "first")
                .withProperty("logging.structured.json.stacktrace.max-length", "300")
                .withProperty("logging.structured.json.context.prefix", "ctx");

        assertSameLines(environment, event);
    }

    @Test
    void carriesTheArticleAndTraceAsNestedEcsFields() {
        var event = event(e -> e.setMDCPropertyMap(Map.of("trace.id", "abc123", "article.id", "a-1")));

        String line = new String(encoder(OURS, new MockEnvironment()).encode(event), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n");
        assertThat((String) JsonPath.read(line, "$.trace.id")).isEqualTo("abc123");
        assertThat((String) JsonPath.read(line, "$.article.id")).isEqualTo("a-1");
        assertThat((String) JsonPath.read(line, "$.message")).isEqualTo("accepted مقال للرئيس");
        assertThat((String) JsonPath.read(line, "$.ecs.version")).isEqualTo(EcsLogFormatter.ECS_VERSION);
    }

    @Test
    void namesEveryMarkerOnceInOrder() {
        var parent = MarkerFactory.getDetachedMarker("zeta");
        parent.add(MarkerFactory.getDetachedMarker("alpha"));

        assertThat(EcsLogFormatter.markerNames(List.of(parent, MarkerFactory.getDetachedMarker("alpha"))))
                .containsExactly("alpha", "zeta");
    }

    private static void assertSameLines(Environment environment, LoggingEvent event) {
        var boots = encoder("ecs", environment);
        var ours = encoder(OURS, environment);
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
            boots.setCharset(charset);
            ours.setCharset(charset);

            byte[] expected = boots.encode(event);
            byte[] actual = ours.encode(event);

            assertThat(new String(actual, charset)).isEqualTo(new String(expected, charset));
            assertThat(actual).isEqualTo(expected);
        }
    }

    private static StructuredLogEncoder encoder(String format, Environment environment) {
        var context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        var encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        return encoder;
    }

    private static LoggingEvent event(Consumer<LoggingEvent> details) {
        return event("accepted مقال للرئيس", details);
    }

    private static LoggingEvent event(String message, Consumer<LoggingEvent> details) {
        return event(message, null, details);
    }

    private static LoggingEvent event(String message, Object[] arguments, Consumer<LoggingEvent> details) {
        var context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        var logger = context.getLogger("akhbar.pipeline");
        var event = new LoggingEvent(EcsLogFormatterTest.class.getName(), logger, Level.INFO, message, null,
                arguments);
        event.setInstant(Instant.parse("2026-11-27T18:40:12.345678Z"));
        event.setThreadName("http-nio-8081-exec-3");
        details.accept(event);
        // Freezes the MDC and the message, as an asynchronous appender does: every encoder then sees the same event.
        event.prepareForDeferredProcessing();
        return event;
    }
}
