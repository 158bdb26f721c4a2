package io.akhbar.benchmarks;

import io.akhbar.arabic.enrich.Enricher;
import io.akhbar.arabic.enrich.Enrichment;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Articles per second on one thread (one core) for the full enrichment of nlp-service (language, word count,
 * entities, quotes, keyphrases, summary, fingerprint: arabic-text's {@link Enricher}, which nlp-service's handler
 * only maps to the contract records), next to Lucene's plain {@link ArabicAnalyzer} tokenizing, normalizing,
 * stop-filtering and stemming the same text to the last token: the cost of merely indexing it.
 *
 * <p>Forked with the service's heap, {@code -Xmx256m}. Besides the wall-clock score, {@link CpuTime} counts the
 * thread CPU time of the calls (reading the clock costs well under a microsecond, against 100+ for a call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Xms256m"})
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class EnrichmentBenchmark {

    /** {@code 3kb}: the first 3 KB of the Davos sample; {@code davos}, {@code putin}: the whole samples. */
    @Param({"3kb", "davos", "putin"})
    public String article;

    private String text;
    private Enricher enricher;
    private ArabicAnalyzer lucene;

    @Setup
    public void setUp() {
        text = Articles.byName(article);
        enricher = new Enricher();
        lucene = new ArabicAnalyzer();
    }

    @TearDown
    public void tearDown() {
        lucene.close();
    }

    @Benchmark
    public Enrichment enrichment(CpuTime cpu) {
        long start = cpu.start();
        Enrichment e = enricher.enrich(null, text);
        cpu.stop(start);
        return e;
    }

    @Benchmark
    public int luceneArabicAnalyzer(CpuTime cpu) throws IOException {
        long start = cpu.start();
        int chars = analyze();
        cpu.stop(start);
        return chars;
    }

    private int analyze() throws IOException {
        int chars = 0;
        try (TokenStream tokens = lucene.tokenStream("body", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                chars += term.length();
            }
            tokens.end();
        }
        return chars;
    }
}
