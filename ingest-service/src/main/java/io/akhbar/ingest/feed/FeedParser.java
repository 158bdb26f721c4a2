package io.akhbar.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom through Rome. Rome refuses DOCTYPE declarations unless told otherwise, which shuts
 * out XXE and entity expansion bombs; its XmlReader picks the encoding from the BOM, the HTTP header and the XML
 * prolog as RFC 7303 asks.
 */
final class FeedParser {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private FeedParser() {
    }

    static ParsedFeed parse(byte[] body, String contentType, URI feedUri) throws FeedParseException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(body), contentType, true));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedParseException("not a readable RSS or Atom feed: " + firstLine(e.getMessage()), e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            entries.add(new FeedEntry(
                    link(entry, feedUri),
                    blankToNull(entry.getUri()),
                    HtmlText.inline(entry.getTitle()),
                    content(entry),
                    entry.getDescription() == null ? null : html(entry.getDescription()),
                    instant(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate())));
        }
        return new ParsedFeed(HtmlText.inline(feed.getTitle()), language(feed.getLanguage()), entries);
    }

    private static String link(SyndEntry entry, URI feedUri) {
        String link = entry.getLink();
        if (link == null) {
            link = entry.getLinks().stream()
                    .filter(l -> l.getRel() == null || l.getRel().equals("alternate"))
                    .map(SyndLink::getHref)
                    .findFirst()
                    .orElse(null);
        }
        if (link == null && entry.getUri() != null && entry.getUri().startsWith("http")) {
            link = entry.getUri(); // an RSS guid with isPermaLink="true"
        }
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = feedUri.resolve(new URI(link.strip()));
            String scheme = resolved.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? resolved.toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String content(SyndEntry entry) {
        String joined = entry.getContents().stream()
                .map(FeedParser::html)
                .filter(value -> !value.isBlank())
                .collect(Collectors.joining("\n"));
        return joined.isBlank() ? null : joined;
    }

    /** Plain-text content is escaped, so that all content can go through the HTML to text conversion alike. */
    private static String html(SyndContent content) {
        String value = content.getValue() == null ? "" : content.getValue();
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            return org.jsoup.nodes.Entities.escape(value).replace("\n", "<br>");
        }
        return value;
    }

    private static String language(String language) {
        if (language == null) {
            return null;
        }
        String primary = language.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return LANGUAGE.matcher(primary).matches() ? primary : null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    static final class FeedParseException extends Exception {
        FeedParseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
