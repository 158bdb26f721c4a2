package io.akhbar.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** {@code akhbar_arabic}: the ready-made analyzer, see {@link AkhbarArabicAnalyzer}. */
@NamedComponent(AkhbarArabicAnalyzerFactory.NAME)
public final class AkhbarArabicAnalyzerFactory implements AnalyzerFactory {

    static final String NAME = "akhbar_arabic";

    public AkhbarArabicAnalyzerFactory() {
    }

    @Override
    public Analyzer create() {
        return new AkhbarArabicAnalyzer();
    }
}
