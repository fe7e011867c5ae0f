package org.narrativewatch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Finds the words that actually matched in one hit, from the query's own {@link Matches} over the
 * offsets stored in postings: no re-analysis, and NEAR/phrase hits mark their words, not a window.
 * Returns spans rather than markup (Lucene's highlighters produce formatted strings); the views
 * escape the text and mark the spans themselves. {@code body} offsets run over title + "\n" + text.
 */
final class MatchHighlighter {

    record Result(Hits.Highlighted title, Hits.Highlighted snippet) {}

    static final int SNIPPET_CHARS = 300;

    private final IndexSearcher searcher;
    private final Weight weight;

    MatchHighlighter(IndexSearcher searcher, Query query) throws IOException {
        this.searcher = searcher;
        this.weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }

    Result highlight(int doc, String title, String text) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Matches m = weight.matches(ctx, doc - ctx.docBase);
        TreeSet<int[]> titleSpans = new TreeSet<>((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        TreeSet<int[]> textSpans = new TreeSet<>(titleSpans.comparator());
        if (m != null) {
            int textStart = title.length() + 1;
            for (int[] span : spans(m, Schema.BODY)) {
                if (span[1] <= title.length()) {
                    titleSpans.add(span);
                } else if (span[0] >= textStart) {
                    textSpans.add(new int[] {span[0] - textStart, span[1] - textStart});
                }
            }
            for (int[] span : spans(m, Schema.TITLE)) {
                titleSpans.add(span);
            }
        }
        return new Result(new Hits.Highlighted(title, clip(titleSpans, 0, title.length())), snippet(text, textSpans));
    }

    private static List<int[]> spans(Matches m, String field) throws IOException {
        List<int[]> out = new ArrayList<>();
        MatchesIterator it = m.getMatches(field);
        if (it == null) {
            return out;
        }
        while (it.next()) {
            MatchesIterator sub = it.getSubMatches();
            if (sub == null) {
                if (it.startOffset() >= 0) {
                    out.add(new int[] {it.startOffset(), it.endOffset()});
                }
                continue;
            }
            while (sub.next()) {
                if (sub.startOffset() >= 0) {
                    out.add(new int[] {sub.startOffset(), sub.endOffset()});
                }
            }
        }
        return out;
    }

    /** A window of the text around its first match (or its start), with spans relative to the window. */
    private static Hits.Highlighted snippet(String text, TreeSet<int[]> spans) {
        if (text.length() <= SNIPPET_CHARS) {
            return new Hits.Highlighted(text, clip(spans, 0, text.length()));
        }
        int start = 0;
        if (!spans.isEmpty()) {
            start = Math.max(0, spans.first()[0] - SNIPPET_CHARS / 3);
            int space = text.lastIndexOf(' ', start);
            if (space > 0 && start - space < 30) {
                start = space + 1;
            }
        }
        int end = Math.min(text.length(), start + SNIPPET_CHARS);
        int space = text.indexOf(' ', end);
        if (space > 0 && space - end < 30) {
            end = space;
        }
        String prefix = start > 0 ? "…" : "";
        String window = prefix + text.substring(start, end) + (end < text.length() ? "…" : "");
        List<int[]> rel = new ArrayList<>();
        for (int[] s : clip(spans, start, end)) {
            rel.add(new int[] {s[0] - start + prefix.length(), s[1] - start + prefix.length()});
        }
        return new Hits.Highlighted(window, rel);
    }

    /** Spans inside [from, to), overlaps merged. */
    private static List<int[]> clip(TreeSet<int[]> spans, int from, int to) {
        List<int[]> out = new ArrayList<>();
        for (int[] s : spans) {
            if (s[0] < from || s[1] > to || s[0] >= s[1]) {
                continue;
            }
            if (!out.isEmpty() && s[0] <= out.get(out.size() - 1)[1]) {
                int[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], s[1]);
            } else {
                out.add(new int[] {s[0], s[1]});
            }
        }
        return out;
    }
}
