package io.akhbar.search.related;

import io.akhbar.search.query.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "articles")
class RelatedController {

    private static final int DEFAULT_SIZE = 10;
    private static final int MAX_SIZE = 50;

    private final RelatedArticles related;

    RelatedController(RelatedArticles related) {
        this.related = related;
    }

    @GetMapping("/api/v1/articles/{id}/related")
    @Operation(summary = "Articles related to one article",
            description = "The other articles of its story (near-duplicates, newest first), then similar articles.")
    RelatedResult related(@PathVariable String id, @RequestParam(required = false) Integer size) {
        return related.of(Parameters.articleId(id), Parameters.size("size", size, DEFAULT_SIZE, MAX_SIZE));
    }
}
