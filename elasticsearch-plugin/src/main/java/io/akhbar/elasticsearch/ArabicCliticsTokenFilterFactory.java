package io.akhbar.elasticsearch;

import io.akhbar.arabic.ProtectedWords;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code akhbar_arabic_clitics}: removes proclitics but never a suffix, for chains that should not stem
 * (names, exact-ish fields). Expects normalized terms; optional {@code protected_words}.
 *
 * <p>Not needed in front of {@code akhbar_arabic_stem}, which removes the same proclitics itself.
 */
@NamedComponent(ArabicCliticsTokenFilterFactory.NAME)
public final class ArabicCliticsTokenFilterFactory implements TokenFilterFactory {

    static final String NAME = "akhbar_arabic_clitics";

    private final ProtectedWords protectedWords;

    @Inject
    public ArabicCliticsTokenFilterFactory(ProtectedWordsSettings settings) {
        this.protectedWords = ProtectedWords.defaults().with(settings.protectedWords());
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ArabicCliticsFilter(tokenStream, protectedWords);
    }
}
