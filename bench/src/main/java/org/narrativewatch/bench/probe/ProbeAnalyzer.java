package org.narrativewatch.bench.probe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.narrativewatch.analysis.Analyzers;
import org.narrativewatch.index.Schema;

/**
 * The writer's analyzer of the probe's lighter variants: each article's own language's chain
 * ({@link Analyzers#index}, the chain ours indexes with), optionally followed by a {@link PositionGroupFilter}, with
 * the same position gap between a field's values (title, text) as ours. The indexing thread sets the language
 * before it adds a document, as ours does.
 */
final class ProbeAnalyzer extends DelegatingAnalyzerWrapper {

    private final ThreadLocal<String> lang = ThreadLocal.withInitial(() -> "ru");
    private final PositionGroupFilter.Keep keep;
    /** One wrapper per chain: token streams are reused per wrapped analyzer, so a chain never serves another language. */
    private final Map<String, Analyzer> byChain = new ConcurrentHashMap<>();

    /** @param keep the terms kept of each position, or null for the chain's whole output */
    ProbeAnalyzer(PositionGroupFilter.Keep keep) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.keep = keep;
    }

    void setLanguage(String l) {
        lang.set(l);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return byChain.computeIfAbsent(Analyzers.chain(lang.get()),
                chain -> keep == null ? Analyzers.index(chain) : new Filtered(Analyzers.index(chain), keep));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return Schema.TITLE_TEXT_GAP;
    }

    @Override
    public int getOffsetGap(String fieldName) {
        return 1;
    }

    /** A chain with a {@link PositionGroupFilter} at its end. */
    private static final class Filtered extends AnalyzerWrapper {
        private final Analyzer chain;
        private final PositionGroupFilter.Keep keep;

        Filtered(Analyzer chain, PositionGroupFilter.Keep keep) {
            super(PER_FIELD_REUSE_STRATEGY);
            this.chain = chain;
            this.keep = keep;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return chain;
        }

        @Override
        protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
            return new TokenStreamComponents(components.getSource(),
                    new PositionGroupFilter(components.getTokenStream(), keep));
        }
    }
}
