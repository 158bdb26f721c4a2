package io.akhbar.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch._types.query_dsl.ZeroTermsQuery;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.akhbar.arabic.TokenizedText;
import io.akhbar.arabic.entity.EntityExtractor;
import io.akhbar.arabic.entity.ExtractedEntity;
import io.akhbar.contracts.ArticleHeaders;
import io.akhbar.localstack.KafkaProbe;
import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.LocalStackExtension;
import io.akhbar.search.query.ArabicAnalyzerBaseline.Article;
import io.akhbar.search.query.QuerySyntax.Kind;
import io.akhbar.search.query.QuerySyntax.Token;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Measured relevance: the test set in {@code relevance/} (the two sample articles and Arabic articles written for it,
 * queries judged by hand) run against the real Elasticsearch through {@code GET /api/v1/search}, and against a baseline
 * that reproduces Elasticsearch's built-in {@code arabic} analyzer ({@link ArabicAnalyzerBaseline}). Prints recall@10
 * and MRR per query class; ours must be at least as good on every class and better overall.
 *
 * <p>The articles are enriched the way the NLP service enriches them (entities by the shared {@link EntityExtractor}),
 * since tagged entities are part of what our search uses. A third line, the project's analyzer with the baseline's
 * query (no names, spellings or glued forms), shows how much comes from the analyzer alone.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelevanceIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ALIAS = "relevance-" + RUN;
    private static final String ENRICHED = "articles.enriched.relevance." + RUN;
    private static final int K = 10;

    private static KafkaProbe kafka;
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JsonMapper json;

    @Autowired
    ElasticsearchClient client;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> LocalStack.shared().kafkaBootstrapServers());
        registry.add("spring.cloud.stream.bindings.index-in-0.destination", () -> ENRICHED);
        registry.add("spring.cloud.stream.bindings.index-in-0.group", () -> "search-relevance-" + RUN);
        registry.add("spring.cloud.stream.bindings.dead-letters-out-0.destination", () -> ENRICHED + ".dlq");
        registry.add("akhbar.elasticsearch.url", () -> LocalStack.shared().elasticsearchUrl());
        registry.add("akhbar.index.alias", () -> ALIAS);
    }

    @BeforeAll
    static void connect() {
        kafka = new KafkaProbe(LocalStack.shared().kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void theProjectsAnalyzerAndQueryBeatTheBuiltInArabicAnalyzerOnEveryQueryClass() throws Exception {
        List<Article> corpus = corpus();
        EntityExtractor extractor = new EntityExtractor();
        for (Article article : corpus) {
            kafka.send(ENRICHED, article.id(), json.writeValueAsBytes(enriched(article, extractor)),
                    Map.of(ArticleHeaders.INGESTED_AT, String.valueOf(System.currentTimeMillis())));
        }
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> client.count(c -> c.index(ALIAS)).count() == corpus.size());
        List<Judged> judged = queries();

        Map<String, Metrics> ours = new LinkedHashMap<>();
        Map<String, Metrics> baseline = new LinkedHashMap<>();
        Map<String, Metrics> analyzerOnly = new LinkedHashMap<>();
        StringBuilder perQuery = new StringBuilder();
        try (ArabicAnalyzerBaseline lucene = new ArabicAnalyzerBaseline(corpus)) {
            for (Judged query : judged) {
                List<String> ourRanking = searchApi(query.query());
                List<String> baseRanking = lucene.search(query.query(), K);
                List<String> analyzerRanking = analyzerOnly(query.query());
                add(ours, query, ourRanking);
                add(baseline, query, baseRanking);
                add(analyzerOnly, query, analyzerRanking);
                perQuery.append(String.format("  %-15s %-28s ours R=%.2f RR=%.2f | analyzer R=%.2f RR=%.2f | baseline R=%.2f RR=%.2f%n",
                        query.queryClass(), query.query(), recall(query, ourRanking), reciprocalRank(query, ourRanking),
                        recall(query, analyzerRanking), reciprocalRank(query, analyzerRanking),
                        recall(query, baseRanking), reciprocalRank(query, baseRanking)));
            }
        }
        String report = report(ours, analyzerOnly, baseline, judged.size(), corpus.size()) + "\nPer query:\n" + perQuery;
        System.out.println(report);
        Files.writeString(Path.of("target", "relevance-report.txt"), report);

        ours.forEach((queryClass, metrics) -> {
            Metrics base = baseline.get(queryClass);
            assertThat(metrics.recall()).as("recall@10 of " + queryClass).isGreaterThanOrEqualTo(base.recall());
            assertThat(metrics.mrr()).as("MRR of " + queryClass).isGreaterThanOrEqualTo(base.mrr());
        });
        Metrics allOurs = total(ours);
        Metrics allBase = total(baseline);
        assertThat(allOurs.recall()).as("overall recall@10").isGreaterThan(allBase.recall());
        assertThat(allOurs.mrr()).as("overall MRR").isGreaterThan(allBase.mrr());
    }

    private List<String> searchApi(String q) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/search?size=" + K + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(q + ": " + response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(response.body()).path("hits").forEach(hit -> ids.add(hit.path("id").asString()));
        return ids;
    }

    /** The baseline's query shape on our index: what the akhbar_arabic analyzer does without any expansion. */
    private List<String> analyzerOnly(String q) throws Exception {
        ArabicAnalyzerBaseline.SimpleQuery parsed = ArabicAnalyzerBaseline.SimpleQuery.parse(q);
        Query query = Query.of(root -> root.bool(b -> {
            for (List<Token> group : parsed.required()) {
                b.must(m -> m.bool(any -> any.should(group.stream().map(RelevanceIT::plain).toList())
                        .minimumShouldMatch("1")));
            }
            parsed.excluded().forEach(token -> b.mustNot(plain(token)));
            if (parsed.required().isEmpty()) {
                b.must(m -> m.matchAll(a -> a));
            }
            return b;
        }));
        List<String> ids = new ArrayList<>();
        for (Hit<Void> hit : client.search(s -> s.index(ALIAS).size(K).source(src -> src.fetch(false)).query(query),
                Void.class).hits().hits()) {
            ids.add(hit.id());
        }
        return ids;
    }

    private static Query plain(Token token) {
        return Query.of(q -> q.multiMatch(m -> m.query(token.text()).fields("title^2", "body")
                .type(token.kind() == Kind.PHRASE ? TextQueryType.Phrase : TextQueryType.BestFields)
                .operator(Operator.And).tieBreaker(0.3).zeroTermsQuery(ZeroTermsQuery.All)));
    }

    private static Map<String, Object> enriched(Article article, EntityExtractor extractor) {
        Map<String, Object> enriched = new LinkedHashMap<>();
        enriched.put("schemaVersion", 1);
        enriched.put("id", article.id());
        enriched.put("title", article.title());
        enriched.put("body", article.body());
        enriched.put("submittedAt", "2026-02-10T00:00:00Z");
        enriched.put("enrichedAt", "2026-02-10T00:00:01Z");
        enriched.put("language", Map.of("code", article.id().equals("r04") || article.id().equals("r13") ? "en" : "ar",
                "confidence", 0.99));
        List<Map<String, Object>> entities = new ArrayList<>();
        for (ExtractedEntity entity : extractor.extract(TokenizedText.of(article.title()), TokenizedText.of(article.body()))) {
            Map<String, Object> tagged = new LinkedHashMap<>();
            tagged.put("id", entity.id());
            tagged.put("type", entity.type().name());
            tagged.put("nameAr", entity.nameAr());
            tagged.put("nameEn", entity.nameEn());
            tagged.put("mentions", entity.mentions().stream().map(m -> Map.of("field", m.field(), "start", m.start(),
                    "end", m.end(), "surface", m.surface())).toList());
            tagged.put("mentionCount", entity.mentionCount());
            tagged.put("salience", entity.salience());
            entities.add(tagged);
        }
        enriched.put("entities", entities);
        return enriched;
    }

    private List<Article> corpus() throws Exception {
        List<Article> corpus = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/relevance/articles.json")) {
            for (JsonNode article : json.readTree(in)) {
                corpus.add(new Article(article.path("id").asString(), article.path("title").asString(),
                        article.path("body").asString()));
            }
        }
        corpus.add(sample("sample-davos", "witkoff-kushner-moscow-davos.ar.txt"));
        corpus.add(sample("sample-meeting", "witkoff-putin-third-meeting.ar.txt"));
        return corpus;
    }

    /** The shipped samples, titled by their first sentence as the ingest service titles plain text. */
    private static Article sample(String id, String file) throws Exception {
        String text = Files.readString(Path.of("..", "samples", file));
        int end = text.indexOf('،');
        return new Article(id, text.substring(0, Math.min(end < 0 ? 80 : end, 160)).strip(), text);
    }

    private static List<Judged> queries() throws Exception {
        List<Judged> queries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                RelevanceIT.class.getResourceAsStream("/relevance/queries.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                queries.add(new Judged(columns[0], columns[1], Set.of(columns[2].trim().split("\\s+"))));
            }
        }
        return queries;
    }

    record Judged(String queryClass, String query, Set<String> relevant) {
    }

    /** Sums over the queries of a class. */
    record Metrics(int queries, double recallSum, double reciprocalRankSum) {

        double recall() {
            return queries == 0 ? 0 : recallSum / queries;
        }

        double mrr() {
            return queries == 0 ? 0 : reciprocalRankSum / queries;
        }

        Metrics plus(Metrics other) {
            return new Metrics(queries + other.queries, recallSum + other.recallSum,
                    reciprocalRankSum + other.reciprocalRankSum);
        }
    }

    private static void add(Map<String, Metrics> metrics, Judged query, List<String> ranking) {
        metrics.merge(query.queryClass(), new Metrics(1, recall(query, ranking), reciprocalRank(query, ranking)),
                Metrics::plus);
    }

    static double recall(Judged query, List<String> ranking) {
        long found = ranking.stream().limit(K).filter(query.relevant()::contains).count();
        return (double) found / query.relevant().size();
    }

    static double reciprocalRank(Judged query, List<String> ranking) {
        for (int i = 0; i < Math.min(K, ranking.size()); i++) {
            if (query.relevant().contains(ranking.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static Metrics total(Map<String, Metrics> metrics) {
        return metrics.values().stream().reduce(new Metrics(0, 0, 0), Metrics::plus);
    }

    private static String report(Map<String, Metrics> ours, Map<String, Metrics> analyzerOnly,
            Map<String, Metrics> baseline, int queries, int articles) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Relevance: %d queries over %d articles, recall@%d and MRR (@%d)%n", queries, articles, K, K));
        out.append(String.format("%-16s %7s | %-22s | %-22s | %-22s%n", "class", "queries",
                "akhbar search (API)", "akhbar_arabic only", "built-in arabic"));
        out.append(String.format("%-16s %7s | %10s %11s | %10s %11s | %10s %11s%n", "", "", "R@10", "MRR", "R@10", "MRR",
                "R@10", "MRR"));
        ours.forEach((queryClass, metrics) -> out.append(line(queryClass, metrics, analyzerOnly.get(queryClass),
                baseline.get(queryClass))));
        out.append(line("overall", total(ours), total(analyzerOnly), total(baseline)));
        return out.toString();
    }

    private static String line(String name, Metrics ours, Metrics analyzer, Metrics base) {
        return String.format("%-16s %7d | %10.3f %11.3f | %10.3f %11.3f | %10.3f %11.3f%n", name, ours.queries(),
                ours.recall(), ours.mrr(), analyzer.recall(), analyzer.mrr(), base.recall(), base.mrr());
    }
}
