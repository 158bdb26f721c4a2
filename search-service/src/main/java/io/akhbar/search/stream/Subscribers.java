package io.akhbar.search.stream;

import io.akhbar.search.query.LiveQueries.LiveQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open streams, grouped by query: subscribers with the same query text and filters cost one Elasticsearch query
 * per look, however many they are. New subscribers wait in {@link #activatePending} until the watcher takes them in.
 */
final class Subscribers {

    /** Subscribers of one query. */
    record Group(LiveQuery query, List<Subscriber> members) {
    }

    private final int limit;
    private final List<Subscriber> pending = new ArrayList<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private int size;

    Subscribers(int limit) {
        this.limit = limit;
    }

    /** @return false when {@code limit} streams are open already */
    synchronized boolean register(Subscriber subscriber) {
        if (size >= limit) {
            return false;
        }
        size++;
        pending.add(subscriber);
        return true;
    }

    /** Moves the waiting subscribers into their groups and returns them. */
    synchronized List<Subscriber> activatePending() {
        List<Subscriber> activated = List.copyOf(pending);
        pending.clear();
        for (Subscriber subscriber : activated) {
            groups.computeIfAbsent(subscriber.query().key(), key -> new Group(subscriber.query(), new ArrayList<>()))
                    .members().add(subscriber);
        }
        return activated;
    }

    synchronized void remove(Subscriber subscriber) {
        if (pending.remove(subscriber)) {
            size--;
            return;
        }
        Group group = groups.get(subscriber.query().key());
        if (group != null && group.members().remove(subscriber)) {
            size--;
            if (group.members().isEmpty()) {
                groups.remove(subscriber.query().key());
            }
        }
    }

    /** A copy of the active groups, safe to use while subscribers come and go. */
    synchronized List<Group> groups() {
        List<Group> copy = new ArrayList<>(groups.size());
        groups.values().forEach(group -> copy.add(new Group(group.query(), List.copyOf(group.members()))));
        return copy;
    }

    synchronized List<Subscriber> all() {
        List<Subscriber> all = new ArrayList<>(pending);
        groups.values().forEach(group -> all.addAll(group.members()));
        return all;
    }

    synchronized int size() {
        return size;
    }

    synchronized boolean isEmpty() {
        return size == 0;
    }
}
