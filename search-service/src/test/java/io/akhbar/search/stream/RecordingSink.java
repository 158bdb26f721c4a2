package io.akhbar.search.stream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes the stream as lines: "ready", the article ids, "keep-alive", "complete". */
final class RecordingSink implements Subscriber.Sink {

    final List<String> written = new ArrayList<>();
    boolean failing;

    @Override
    public synchronized void ready() throws IOException {
        write("ready");
    }

    @Override
    public synchronized void articles(List<StreamEvent> events) throws IOException {
        for (StreamEvent event : events) {
            write(event.cursor().id());
        }
    }

    @Override
    public synchronized void heartbeat() throws IOException {
        write("keep-alive");
    }

    @Override
    public synchronized void complete() {
        written.add("complete");
    }

    synchronized List<String> written() {
        return List.copyOf(written);
    }

    private void write(String line) throws IOException {
        if (failing) {
            throw new IOException("Broken pipe");
        }
        written.add(line);
    }
}
