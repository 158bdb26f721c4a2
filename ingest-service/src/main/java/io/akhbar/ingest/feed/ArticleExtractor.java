package io.akhbar.ingest.feed;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The article text of a news page, without menus, share buttons, related links and comments. Marked-up articles
 * ({@code itemprop=articleBody}, {@code <article>}) are taken as they are; otherwise the container that holds the most
 * paragraph text wins, scored as Mozilla's Readability does in its simplest form (a paragraph counts fully for its
 * parent and half for its grandparent).
 */
final class ArticleExtractor {

    /** Less than this is a teaser, a cookie notice or an error page, not an article. */
    static final int MIN_TEXT_LENGTH = 80;

    private static final String NOISE_ELEMENTS =
            "script, style, noscript, template, iframe, svg, canvas, form, button, nav, header, footer, aside, "
                    + "[hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], "
                    + "[role=complementary]";
    private static final Pattern NOISE_NAMES = Pattern.compile(
            "comment|share|social|related|sidebar|menu|breadcrumb|footer|header|nav|promo|advert|banner|newsletter"
                    + "|subscribe|popup|cookie|tags|author-bio|most-read",
            Pattern.CASE_INSENSITIVE);
    private static final int MIN_PARAGRAPH_LENGTH = 25;

    private ArticleExtractor() {
    }

    static Optional<String> extract(Document page) {
        Element body = page.body();
        if (body == null) {
            return Optional.empty();
        }
        body.select(NOISE_ELEMENTS).remove();
        for (Element element : body.select("[class], [id]")) {
            if (element.parent() != null && isNoise(element)) {
                element.remove();
            }
        }
        Element content = markedUp(body).orElseGet(() -> bestScored(body));
        String text = HtmlText.of(content);
        return text.length() >= MIN_TEXT_LENGTH ? Optional.of(text) : Optional.empty();
    }

    private static boolean isNoise(Element element) {
        if (element.nameIs("article") || element.nameIs("main") || element.nameIs("body")
                || element.hasAttr("itemprop")) {
            return false;
        }
        String names = element.className() + " " + element.id();
        return NOISE_NAMES.matcher(names).find() && element.select("p").size() < 3;
    }

    private static Optional<Element> markedUp(Element body) {
        Element marked = body.selectFirst("[itemprop=articleBody]");
        if (marked != null) {
            return Optional.of(marked);
        }
        return body.select("article").stream()
                .max((a, b) -> Integer.compare(a.text().length(), b.text().length()));
    }

    private static Element bestScored(Element body) {
        Map<Element, Double> scores = new HashMap<>();
        for (Element paragraph : body.select("p, pre, blockquote")) {
            int length = paragraph.text().length();
            if (length < MIN_PARAGRAPH_LENGTH) {
                continue;
            }
            Element parent = paragraph.parent();
            if (parent != null) {
                scores.merge(parent, (double) length, Double::sum);
                Element grandparent = parent.parent();
                if (grandparent != null) {
                    scores.merge(grandparent, length / 2.0, Double::sum);
                }
            }
        }
        return scores.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(body);
    }
}
