package io.akhbar.ingest.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decodes an article page as a browser would: a byte order mark first, then the charset of the Content-Type header,
 * then {@code <meta charset>} or {@code <meta http-equiv="Content-Type">} (jsoup reads those while parsing), else
 * UTF-8. Arabic news sites still serve windows-1256 pages, often declared only in a meta element.
 */
final class HtmlPages {

    private HtmlPages() {
    }

    static Document parse(byte[] body, String contentType, String baseUri) {
        String charset = charsetOf(contentType).map(Charset::name).orElse(null);
        try {
            // jsoup lets a BOM override the given charset, and detects from <meta> when given none.
            return Jsoup.parse(new ByteArrayInputStream(body), charset, baseUri);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    /** The header's charset when the JVM knows it; an unknown or misspelt one is ignored, as browsers do. */
    static Optional<Charset> charsetOf(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().toLowerCase(Locale.ROOT).equals("charset")) {
                String name = pair[1].strip().replace("\"", "").replace("'", "");
                try {
                    return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
