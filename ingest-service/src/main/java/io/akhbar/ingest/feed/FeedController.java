package io.akhbar.ingest.feed;

import io.akhbar.ingest.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping(path = "/api/v1/feeds", produces = MediaType.APPLICATION_JSON_VALUE)
class FeedController {

    private final Feeds feeds;

    FeedController(Feeds feeds) {
        this.feeds = feeds;
    }

    /** 201 for a new feed, 200 when the URL was subscribed already (its interval and source are updated). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FeedView> subscribe(@RequestBody FeedRequest request) {
        Feeds.Subscribed result = feeds.subscribe(request);
        return result.created()
                ? ResponseEntity.created(URI.create("/api/v1/feeds/" + result.feed().id())).body(result.feed())
                : ResponseEntity.ok(result.feed());
    }

    @GetMapping
    FeedView.Page list() {
        return new FeedView.Page(feeds.list());
    }

    @GetMapping("/{id}")
    FeedView get(@PathVariable String id) {
        return feeds.get(id).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> unsubscribe(@PathVariable String id) {
        if (!feeds.unsubscribe(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "feed-not-found", "Feed not found",
                "No feed subscription has the id " + id);
    }
}
