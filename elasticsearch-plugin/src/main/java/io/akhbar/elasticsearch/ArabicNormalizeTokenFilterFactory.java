package io.akhbar.elasticsearch;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code akhbar_arabic_normalize}: the shared Arabic normalization (hamza, alef, yeh, teh marbuta, tashkeel...). */
@NamedComponent(ArabicNormalizeTokenFilterFactory.NAME)
public final class ArabicNormalizeTokenFilterFactory implements TokenFilterFactory {

    static final String NAME = "akhbar_arabic_normalize";

    public ArabicNormalizeTokenFilterFactory() {
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return ArabicNormalizeFilter.analyzing(tokenStream);
    }

    /**
     * Char-level and context-free, so it also applies to the terms of prefix, wildcard and fuzzy
     * queries; without this a query for أمريك* would never match امريكا. (Elasticsearch 8.19 still
     * refuses stable filters in custom keyword normalizers: its wrapper is no NormalizingTokenFilterFactory.)
     */
    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return ArabicNormalizeFilter.normalizing(tokenStream);
    }
}
