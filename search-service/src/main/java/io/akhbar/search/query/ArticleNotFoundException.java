package io.akhbar.search.query;

class ArticleNotFoundException extends RuntimeException {

    ArticleNotFoundException(String id) {
        super("No article with id " + id);
    }
}
