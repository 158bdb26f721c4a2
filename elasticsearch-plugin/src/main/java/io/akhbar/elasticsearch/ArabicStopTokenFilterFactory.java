package io.akhbar.elasticsearch;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code akhbar_arabic_stop}: removes Arabic stop words; expects normalized terms. */
@NamedComponent(ArabicStopTokenFilterFactory.NAME)
public final class ArabicStopTokenFilterFactory implements TokenFilterFactory {

    static final String NAME = "akhbar_arabic_stop";

    public ArabicStopTokenFilterFactory() {
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ArabicStopFilter(tokenStream);
    }
}
