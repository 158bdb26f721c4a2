package io.akhbar.search.stream;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an {@link EventBurst} as its frames, straight from the bytes every subscriber shares. A stream's burst is
 * usually tens of events; copying them into one array per stream first was a fifth of everything search-service
 * allocated while it served 300 streams. Boot adds converter beans to Spring MVC's, which also write what an
 * {@code SseEmitter} sends.
 */
@Component
class EventBurstConverter extends AbstractHttpMessageConverter<EventBurst> {

    EventBurstConverter() {
        super(MediaType.TEXT_EVENT_STREAM);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return EventBurst.class == type;
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected EventBurst readInternal(Class<? extends EventBurst> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("An event burst is only ever written", input);
    }

    @Override
    protected void writeInternal(EventBurst burst, HttpOutputMessage output) throws IOException {
        OutputStream body = output.getBody();
        for (StreamEvent event : burst.events()) {
            body.write(event.frame());
        }
    }
}
