package io.akhbar.search.stream;

import io.micrometer.core.instrument.Counter;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Writes the stream's events to an {@link SseEmitter} in the wire format the API documents. */
final class SseSink implements Subscriber.Sink {

    private final SseEmitter emitter;
    private final Counter events;

    SseSink(SseEmitter emitter, Counter events) {
        this.emitter = emitter;
        this.events = events;
    }

    @Override
    public void ready() throws IOException {
        emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
    }

    @Override
    public void articles(List<StreamEvent> batch) throws IOException {
        // One piece of data is one write and one flush; the builder's pieces would each be converted and flushed.
        emitter.send(Set.of(new ResponseBodyEmitter.DataWithMediaType(new EventBurst(batch),
                MediaType.TEXT_EVENT_STREAM)));
        events.increment(batch.size());
    }

    @Override
    public void heartbeat() throws IOException {
        // Spring writes ":" and the comment: the leading space gives ": keep-alive".
        emitter.send(SseEmitter.event().comment(" keep-alive"));
    }

    @Override
    public void complete() {
        try {
            emitter.complete();
        } catch (RuntimeException e) {
            // Already completed by the container: nothing left to do.
        }
    }
}
