package io.akhbar.ingest.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * HTML to article text: one paragraph per block element, separated by a blank line, whitespace collapsed. Element's
 * own {@code text()} would run all paragraphs into one line, and the title derivation and the snippets downstream
 * read sentences and lines.
 */
final class HtmlText {

    private HtmlText() {
    }

    static String ofFragment(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return of(Jsoup.parseBodyFragment(html).body());
    }

    static String of(Element root) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element && element.nameIs("br")) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    text.append("\n\n");
                }
            }
        }, root);
        return Arrays.stream(text.toString().split("\n"))
                .map(line -> line.replaceAll("[\\s\\u00A0]+", " ").strip())
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n\n"));
    }

    /** A title or other inline field that may carry markup or entities. */
    static String inline(String html) {
        if (html == null) {
            return null;
        }
        String text = Jsoup.parseBodyFragment(html).body().text().strip();
        return text.isEmpty() ? null : text;
    }
}
