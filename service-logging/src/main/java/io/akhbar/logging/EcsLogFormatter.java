package io.akhbar.logging;

import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.json.JsonWriter.PairExtractor;
import org.springframework.boot.logging.StackTracePrinter;
import org.springframework.boot.logging.structured.ContextPairs;
import org.springframework.boot.logging.structured.ElasticCommonSchemaProperties;
import org.springframework.boot.logging.structured.JsonWriterStructuredLogFormatter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.Environment;

/**
 * Elastic Common Schema lines, member for member the lines of Spring Boot's {@code ecs} format (EcsLogFormatterTest
 * compares the two), for {@code logging.structured.format.console: io.akhbar.logging.EcsLogFormatter}.
 * <p>
 * It exists for one reason: Boot 4.0's encoder asks for the line as bytes, and Boot's JSON writer then encodes every
 * token through its own {@code OutputStreamWriter}, which allocates a buffer per token. That made the line of every
 * accepted, enriched and indexed article cost about three times what building it as a string and encoding it once
 * costs (docs/benchmarks.md). Boot's ECS formatter is not public, so the members are declared here with Boot's public
 * JSON and ECS pieces. Spring Boot 4.1 writes into a reused buffer; once we move to it, this class can go.
 */
class EcsLogFormatter extends JsonWriterStructuredLogFormatter<ILoggingEvent> {

    /** The ECS version whose field names these lines use; Boot 4.0 writes the same. */
    static final String ECS_VERSION = "8.11";

    private static final PairExtractor<KeyValuePair> KEY_VALUE_PAIRS = PairExtractor.of(pair -> pair.key,
            pair -> pair.value);

    /** The parameters are those Boot's formatter factory offers to a formatter named by its class. */
    EcsLogFormatter(Environment environment, StackTracePrinter stackTracePrinter, ContextPairs contextPairs,
            ThrowableProxyConverter throwableProxyConverter,
            StructuredLoggingJsonMembersCustomizer.Builder<?> customizerBuilder) {
        super(members -> ecsMembers(members, environment, new StackTraces(stackTracePrinter, throwableProxyConverter),
                contextPairs), customizerBuilder.nested().build());
    }

    @Override
    public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
        return format(event).getBytes(charset);
    }

    private static void ecsMembers(JsonWriter.Members<ILoggingEvent> members, Environment environment,
            StackTraces stackTraces, ContextPairs contextPairs) {
        members.add("@timestamp", ILoggingEvent::getInstant);
        members.add("log").usingMembers(log -> {
            log.add("level", ILoggingEvent::getLevel);
            log.add("logger", ILoggingEvent::getLoggerName);
        });
        Long pid = environment.getProperty("spring.application.pid", Long.class);
        members.add("process").usingMembers(process -> {
            process.add("pid", pid).whenNotNull();
            process.add("thread").usingMembers(thread -> thread.add("name", ILoggingEvent::getThreadName));
        });
        ElasticCommonSchemaProperties.get(environment).jsonMembers(members);
        members.add("message", ILoggingEvent::getFormattedMessage);
        // The MDC's dotted keys (trace.id, article.id) become nested objects, as ECS reads them.
        members.add().usingPairs(contextPairs.nested(pairs -> {
            pairs.addMapEntries(ILoggingEvent::getMDCPropertyMap);
            pairs.add(ILoggingEvent::getKeyValuePairs, KEY_VALUE_PAIRS);
        }));
        members.add().whenNotNull(event -> event == null ? null : event.getThrowableProxy())
                .usingMembers(failed -> failed.add("error").usingMembers(error -> {
                    error.add("type", ILoggingEvent::getThrowableProxy).as(IThrowableProxy::getClassName);
                    error.add("message", ILoggingEvent::getThrowableProxy).as(IThrowableProxy::getMessage);
                    error.add("stack_trace", stackTraces::of);
                }));
        members.add("tags", ILoggingEvent::getMarkerList).whenNotNull().as(EcsLogFormatter::markerNames)
                .whenNotEmpty();
        members.add("ecs").usingMembers(ecs -> ecs.add("version", ECS_VERSION));
    }

    /** Every marker's name, and those of the markers it refers to, sorted and once each. */
    static Set<String> markerNames(List<Marker> markers) {
        Set<String> names = new TreeSet<>();
        addNames(names, markers.iterator());
        return names;
    }

    private static void addNames(Set<String> names, Iterator<Marker> markers) {
        while (markers.hasNext()) {
            Marker marker = markers.next();
            names.add(marker.getName());
            if (marker.hasReferences()) {
                addNames(names, marker.iterator());
            }
        }
    }

    /** Boot's configurable printer when {@code logging.structured.json.stacktrace} asks for one, else Logback's. */
    private record StackTraces(StackTracePrinter printer, ThrowableProxyConverter converter) {

        String of(ILoggingEvent event) {
            if (printer != null && event.getThrowableProxy() instanceof ThrowableProxy proxy) {
                return printer.printStackTraceToString(proxy.getThrowable());
            }
            return converter.convert(event);
        }
    }
}
