package io.akhbar.elasticsearch;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Runs text through an analyzer the way Lucene's BaseTokenStreamTestCase does, minus the randomization:
 * the full reset / incrementToken / end / close contract, twice on the same analyzer so that a filter
 * that keeps state across reuse fails.
 */
final class Tokens {

    record Token(String term, int start, int end, int positionIncrement) {
    }

    private Tokens() {
    }

    static List<Token> analyze(Analyzer analyzer, String text) throws IOException {
        List<Token> first = consume(analyzer.tokenStream("f", text));
        List<Token> second = consume(analyzer.tokenStream("f", new StringReader(text)));
        if (!first.equals(second)) {
            throw new AssertionError("reused token stream differs: " + first + " vs " + second);
        }
        return first;
    }

    static List<String> terms(Analyzer analyzer, String text) throws IOException {
        return analyze(analyzer, text).stream().map(Token::term).toList();
    }

    /** Whitespace-tokenized text through the given filter chain; the tokenizer keeps Arabic words whole. */
    static Analyzer whitespace(Function<TokenStream, TokenStream> chain) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new WhitespaceTokenizer();
                return new TokenStreamComponents(source, chain.apply(source));
            }
        };
    }

    private static List<Token> consume(TokenStream ts) throws IOException {
        List<Token> out = new ArrayList<>();
        try (ts) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(),
                        posInc.getPositionIncrement()));
            }
            ts.end();
        }
        return out;
    }
}
