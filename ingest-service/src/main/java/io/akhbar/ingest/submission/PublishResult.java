package io.akhbar.ingest.submission;

/** Kafka's answer for one article of a group: acknowledged, or the reason it was not (then nothing is claimed). */
public record PublishResult(String id, String failure) {

    public boolean acknowledged() {
        return failure == null;
    }
}
