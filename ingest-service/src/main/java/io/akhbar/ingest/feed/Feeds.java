package io.akhbar.ingest.feed;

import io.akhbar.ingest.feed.FeedSubscriptionStore.StoreUnavailableException;
import io.akhbar.ingest.submission.InvalidArticleException.FieldError;
import io.akhbar.ingest.web.ProblemException;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Subscribing, listing and unsubscribing feeds; the subscription is durable (in Kafka) before any answer. */
@Service
class Feeds {

    private static final int MAX_URL_LENGTH = 2_000;
    private static final int MAX_SOURCE_LENGTH = 200;

    private final FeedSubscriptionStore store;
    private final FeedRegistry registry;
    private final FeedStates states;
    private final FeedProperties properties;
    private final Clock clock;

    Feeds(FeedSubscriptionStore store, FeedRegistry registry, FeedStates states, FeedProperties properties, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.states = states;
        this.properties = properties;
        this.clock = clock;
    }

    record Subscribed(FeedView feed, boolean created) {
    }

    /** Subscribing to a feed again (the same URL, however spelt) updates its interval and source. */
    Subscribed subscribe(FeedRequest request) {
        requireLoaded();
        List<FieldError> errors = new ArrayList<>();
        String url = request.url() == null ? "" : request.url().strip();
        String id = null;
        String host = null;
        if (url.isEmpty()) {
            errors.add(new FieldError("url", "must not be empty"));
        } else if (url.length() > MAX_URL_LENGTH) {
            errors.add(new FieldError("url", "must be at most " + MAX_URL_LENGTH + " characters"));
        } else if (url.chars().anyMatch(Character::isISOControl)) {
            // The canonical form trims them away, but they would stay in the stored URL and break it.
            errors.add(new FieldError("url", "must not contain control characters"));
        } else {
            id = FeedIds.of(url).orElse(null);
            if (id == null) {
                errors.add(new FieldError("url", "must be an absolute http or https URL"));
            } else {
                host = URI.create(url).getHost();
                if (!properties.allowPrivateHosts() && WebFetcher.isInternalLiteral(host)) {
                    errors.add(new FieldError("url", "must not point into the internal network"));
                }
            }
        }
        Duration interval = interval(request.pollInterval(), errors);
        String source = request.source() == null || request.source().isBlank()
                ? (host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", ""))
                : request.source().strip();
        if (source != null && source.length() > MAX_SOURCE_LENGTH) {
            errors.add(new FieldError("source", "must be at most " + MAX_SOURCE_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-feed", "Invalid feed subscription",
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")))
                    .with("errors", errors);
        }
        FeedSubscription existing = registry.get(id).orElse(null);
        var now = clock.instant();
        FeedSubscription feed = new FeedSubscription(FeedSubscription.SCHEMA_VERSION, id, url, source,
                interval.toString(), existing == null ? now : existing.createdAt(), now);
        if (feed.sameSettings(existing)) {
            return new Subscribed(view(existing), false);
        }
        try {
            store.save(feed);
        } catch (StoreUnavailableException e) {
            throw brokerUnavailable();
        }
        return new Subscribed(view(feed), existing == null);
    }

    List<FeedView> list() {
        requireLoaded();
        return registry.all().stream().map(this::view).toList();
    }

    Optional<FeedView> get(String id) {
        requireLoaded();
        return registry.get(id).map(this::view);
    }

    /** @return false when there was no such feed */
    boolean unsubscribe(String id) {
        requireLoaded();
        if (registry.get(id).isEmpty()) {
            return false;
        }
        try {
            store.delete(id);
        } catch (StoreUnavailableException e) {
            throw brokerUnavailable();
        }
        return true;
    }

    private FeedView view(FeedSubscription feed) {
        FeedHealth health = states.find(feed.id()).map(state -> state.health).orElseGet(FeedHealth::new);
        return new FeedView(feed.id(), feed.url(), feed.source(), feed.pollInterval(), feed.createdAt(),
                feed.updatedAt(), health.view(clock.instant(), properties.silentAfter()));
    }

    private Duration interval(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return properties.defaultPollInterval();
        }
        String text = value.strip();
        Duration interval;
        try {
            interval = text.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(text))
                    : text.toUpperCase(Locale.ROOT).startsWith("P") ? Duration.parse(text)
                    : DurationStyle.SIMPLE.parse(text);
        } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
            errors.add(new FieldError("pollInterval", "must be a duration such as PT15M, 15m or 900 (seconds)"));
            return null;
        }
        if (interval.compareTo(properties.minPollInterval()) < 0 || interval.compareTo(FeedProperties.MAX_POLL_INTERVAL) > 0) {
            errors.add(new FieldError("pollInterval", "must be between " + properties.minPollInterval() + " and "
                    + FeedProperties.MAX_POLL_INTERVAL));
        }
        return interval;
    }

    private void requireLoaded() {
        if (!registry.loaded()) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "feeds-loading", "Feed subscriptions not loaded",
                    "The feed subscriptions are still being read from Kafka (or Kafka is unreachable). Retry later.",
                    Duration.ofSeconds(5));
        }
    }

    private static ProblemException brokerUnavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", "Subscription not changed",
                "The message broker did not acknowledge the change, so it was not made. Retry later.",
                Duration.ofSeconds(5));
    }
}
