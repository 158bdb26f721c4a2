package io.akhbar.search.query;

import io.akhbar.search.query.QuerySyntax.Kind;
import io.akhbar.search.query.QuerySyntax.Token;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What Elasticsearch's built-in {@code arabic} analyzer would find, computed in Lucene in memory: the local test node
 * lacks the analysis-common module that defines that analyzer, so it cannot be asked.
 *
 * <p>Faithful because Elasticsearch's {@code arabic} analyzer is Lucene's {@link ArabicAnalyzer} (default stop words, no
 * stem exclusions) and its default similarity is Lucene's BM25 with the same parameters, on one shard as in our index;
 * the query has the shape {@link QueryTranslator} gives a query without its name and spelling expansions: every word
 * required, each word a best-fields match over {@code title^2} and {@code body} (tie breaker 0.3, as multi_match builds
 * it), phrases as phrase queries, {@code OR} groups, exclusions. {@link QueryBuilder} is the class Elasticsearch's match
 * queries are built with.
 */
final class ArabicAnalyzerBaseline implements AutoCloseable {

    /** What both systems index. */
    record Article(String id, String title, String body) {
    }

    private final Analyzer analyzer = new ArabicAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    ArabicAnalyzerBaseline(List<Article> articles) {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setSimilarity(new BM25Similarity()))) {
            for (Article article : articles) {
                Document document = new Document();
                document.add(new StringField("id", article.id(), Field.Store.YES));
                document.add(new TextField("title", article.title(), Field.Store.NO));
                document.add(new TextField("body", article.body(), Field.Store.NO));
                writer.addDocument(document);
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
    }

    List<String> search(String q, int size) {
        SimpleQuery parsed = SimpleQuery.parse(q);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean required = false;
        for (List<Token> group : parsed.required()) {
            List<Query> alternatives = group.stream().map(this::clause).filter(c -> c != null).toList();
            if (alternatives.size() == 1) {
                query.add(alternatives.get(0), Occur.MUST);
                required = true;
            } else if (!alternatives.isEmpty()) {
                BooleanQuery.Builder any = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
                alternatives.forEach(a -> any.add(a, Occur.SHOULD));
                query.add(any.build(), Occur.MUST);
                required = true;
            }
        }
        for (Token token : parsed.excluded()) {
            Query clause = clause(token);
            if (clause != null) {
                query.add(clause, Occur.MUST_NOT);
            }
        }
        if (!required) {
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        try {
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query.build(), size).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get("id"));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Null when the analyzer leaves no term (a stop word): such a clause is left out, like zero_terms_query. */
    private Query clause(Token token) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        List<Query> fields = new ArrayList<>();
        Query title = token.kind() == Kind.PHRASE ? builder.createPhraseQuery("title", token.text())
                : builder.createBooleanQuery("title", token.text(), Occur.MUST);
        Query body = token.kind() == Kind.PHRASE ? builder.createPhraseQuery("body", token.text())
                : builder.createBooleanQuery("body", token.text(), Occur.MUST);
        if (title != null) {
            fields.add(new BoostQuery(title, 2f));
        }
        if (body != null) {
            fields.add(body);
        }
        return fields.isEmpty() ? null : new DisjunctionMaxQuery(fields, 0.3f);
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }

    /** The query syntax alone: words, phrases, OR groups and exclusions, no entities or variants. */
    record SimpleQuery(List<List<Token>> required, List<Token> excluded) {

        static SimpleQuery parse(String q) {
            List<List<Token>> required = new ArrayList<>();
            List<Token> excluded = new ArrayList<>();
            boolean pendingOr = false;
            for (Token token : QuerySyntax.tokens(q)) {
                if (token.kind() == Kind.OR) {
                    pendingOr = !required.isEmpty();
                } else if (token.excluded()) {
                    excluded.add(token);
                    pendingOr = false;
                } else if (pendingOr) {
                    required.get(required.size() - 1).add(token);
                    pendingOr = false;
                } else {
                    required.add(new ArrayList<>(List.of(token)));
                }
            }
            return new SimpleQuery(required, excluded);
        }
    }
}
