package org.narrativewatch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** What an analyzer emits, for assertions. */
record TokenDump(String term, int start, int end, int posInc) {

    static List<TokenDump> of(Analyzer analyzer, String text) {
        List<TokenDump> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new TokenDump(term.toString(), off.startOffset(), off.endOffset(), inc.getPositionIncrement()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** All terms the index analysis of {@code lang} makes of {@code text}. */
    static Set<String> terms(String lang, String text) {
        Set<String> out = new LinkedHashSet<>();
        for (TokenDump t : of(Analyzers.index(lang), text)) {
            out.add(t.term());
        }
        return out;
    }

    /** Whether a query for {@code queryWord} would match the indexed {@code form}. */
    static boolean matches(String lang, String queryWord, String form) {
        Set<String> indexed = terms(lang, form);
        return Analyzers.queryTerms(lang, queryWord).stream().anyMatch(indexed::contains);
    }
}
