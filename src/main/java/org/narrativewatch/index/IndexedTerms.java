package org.narrativewatch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.narrativewatch.analysis.Analyzers;
import org.narrativewatch.article.Article;

/**
 * What an index holds for an article's text: the terms at every position, as the project's
 * analysers make them. An engine that cannot run the analysers itself (OpenSearch) indexes these.
 */
public final class IndexedTerms {
    private IndexedTerms() {}

    /**
     * The terms the embedded index holds at each position of an article's field: element i lists
     * the distinct terms at position i (empty for a hole left by a removed word). For "body" the
     * title and the text are one field with {@link Schema#TITLE_TEXT_GAP} positions between them, computed
     * the way Lucene's indexing chain does (final position increments and the gap included).
     */
    public static List<List<String>> byPosition(Article a, String field) {
        Analyzer an = Analyzers.index(a.lang());
        List<LinkedHashSet<String>> out = new ArrayList<>();
        int[] pos = {-1};
        analyse(an, field, a.title(), pos, out);
        if (Schema.BODY.equals(field)) {
            pos[0] += Schema.TITLE_TEXT_GAP;
            analyse(an, field, a.text(), pos, out);
        }
        List<List<String>> result = new ArrayList<>(out.size());
        out.forEach(s -> result.add(List.copyOf(s)));
        return result;
    }

    private static void analyse(Analyzer an, String field, String value, int[] pos, List<LinkedHashSet<String>> out) {
        try (TokenStream ts = an.tokenStream(field, value)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                pos[0] += inc.getPositionIncrement();
                int p = Math.max(pos[0], 0);
                while (out.size() <= p) {
                    out.add(new LinkedHashSet<>());
                }
                out.get(p).add(term.toString());
            }
            ts.end();
            pos[0] += inc.getPositionIncrement();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
