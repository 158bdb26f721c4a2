package io.akhbar.elasticsearch;

import io.akhbar.arabic.LightStemmer;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code akhbar_arabic_stem}: name-aware light stemming, proclitics included. Expects normalized terms,
 * so put it after {@code akhbar_arabic_normalize}; optional {@code protected_words}.
 */
@NamedComponent(ArabicStemTokenFilterFactory.NAME)
public final class ArabicStemTokenFilterFactory implements TokenFilterFactory {

    static final String NAME = "akhbar_arabic_stem";

    private final LightStemmer stemmer;

    @Inject
    public ArabicStemTokenFilterFactory(ProtectedWordsSettings settings) {
        this.stemmer = AkhbarArabicAnalyzer.stemmer(settings.protectedWords());
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ArabicStemFilter(tokenStream, stemmer);
    }
}
