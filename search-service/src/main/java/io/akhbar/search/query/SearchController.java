package io.akhbar.search.query;

import io.akhbar.search.indexing.ArticleDocument;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Pattern;

@RestController
@RequestMapping("/api/v1")
class SearchController {

    private static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final QueryParser parser;
    private final ArticleSearch search;

    SearchController(QueryParser parser, ArticleSearch search) {
        this.parser = parser;
        this.search = search;
    }

    @GetMapping("/search")
    SearchResult search(@RequestParam(name = "q", required = false) String query,
            @RequestParam(required = false) Integer size) {
        return search.search(parser.parse(query, size));
    }

    @GetMapping("/articles/{id}")
    ArticleDocument article(@PathVariable String id) {
        if (!ARTICLE_ID.matcher(id).matches()) {
            throw new InvalidQueryException("id", "is not an article id");
        }
        return search.get(id);
    }
}
