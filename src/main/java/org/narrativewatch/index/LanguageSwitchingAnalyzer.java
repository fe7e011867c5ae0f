package org.narrativewatch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.narrativewatch.analysis.Analyzers;

/**
 * The index writer takes one analyzer, but each article is analysed with its own language's
 * chain: the writer thread sets the language before adding a document. The body's two values
 * (title, text) are separated by a position gap and an offset gap of one character, so stored
 * title + "\n" + text lines up with the indexed offsets.
 */
final class LanguageSwitchingAnalyzer extends DelegatingAnalyzerWrapper {

    private final ThreadLocal<String> lang = ThreadLocal.withInitial(() -> "ru");

    LanguageSwitchingAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    void setLanguage(String l) {
        lang.set(l);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return Analyzers.index(lang.get());
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return Schema.TITLE_TEXT_GAP;
    }

    @Override
    public int getOffsetGap(String fieldName) {
        return 1;
    }
}
