package org.narrativewatch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.narrativewatch.analysis.Analyzers;
import org.narrativewatch.article.Article;
import org.narrativewatch.query.QueryNode;

/**
 * A brute-force evaluator of the query AST over one article, written independently of the index:
 * it analyses the article's stored title and text with the same analyzers, lays the terms out by
 * position, and evaluates words, phrases and NEAR by scanning positions. Tests compare its counts
 * with the engine's.
 */
final class ReferenceMatcher {

    /** term → positions, per field. */
    private final Map<String, Map<String, Set<Integer>>> fields = new HashMap<>();
    private final Article article;

    ReferenceMatcher(Article a) {
        this.article = a;
        fields.put(QueryNode.BODY, positions(a.lang(), List.of(a.title(), a.text())));
        fields.put(QueryNode.TITLE, positions(a.lang(), List.of(a.title())));
    }

    private static Map<String, Set<Integer>> positions(String lang, List<String> values) {
        Map<String, Set<Integer>> out = new HashMap<>();
        int pos = -1;
        boolean first = true;
        for (String v : values) {
            if (!first) {
                pos += 100;
            }
            first = false;
            try (TokenStream ts = Analyzers.index(lang).tokenStream("body", v)) {
                CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    pos += inc.getPositionIncrement();
                    out.computeIfAbsent(t.toString(), k -> new HashSet<>()).add(pos);
                }
                ts.end();
                pos += inc.getPositionIncrement();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    boolean matches(QueryNode n) {
        if (n instanceof QueryNode.And a) {
            return a.parts().stream().allMatch(this::matches);
        }
        if (n instanceof QueryNode.Or o) {
            return o.parts().stream().anyMatch(this::matches);
        }
        if (n instanceof QueryNode.Not x) {
            return !matches(x.part());
        }
        if (n instanceof QueryNode.All) {
            return true;
        }
        if (n instanceof QueryNode.Filter f) {
            String v = switch (f.field()) {
                case "outlet" -> article.outlet();
                case "group" -> article.group();
                default -> article.lang();
            };
            return f.value().equals(v);
        }
        if (n instanceof QueryNode.DateRange d) {
            var day = article.day();
            return (d.from() == null || !day.isBefore(d.from())) && (d.to() == null || !day.isAfter(d.to()));
        }
        return !intervals(n).isEmpty();
    }

    /** [start, end] position intervals where a text node matches. */
    private List<int[]> intervals(QueryNode n) {
        List<int[]> out = new ArrayList<>();
        if (n instanceof QueryNode.Word || n instanceof QueryNode.Exact || n instanceof QueryNode.Prefix) {
            String field = field(n);
            Set<Integer> ps = new HashSet<>();
            for (Map.Entry<String, Set<Integer>> e : fields.get(field).entrySet()) {
                if (termMatches(n, e.getKey())) {
                    ps.addAll(e.getValue());
                }
            }
            ps.forEach(p -> out.add(new int[] {p, p}));
        } else if (n instanceof QueryNode.Phrase ph) {
            List<List<int[]>> parts = ph.parts().stream().map(this::intervals).toList();
            for (int[] s : parts.get(0)) {
                int end = s[1];
                boolean ok = true;
                for (int i = 1; i < parts.size() && ok; i++) {
                    final int want = end + 1;
                    int[] next = parts.get(i).stream().filter(x -> x[0] == want).findFirst().orElse(null);
                    if (next == null) {
                        ok = false;
                    } else {
                        end = next[1];
                    }
                }
                if (ok) {
                    out.add(new int[] {s[0], end});
                }
            }
        } else if (n instanceof QueryNode.Near nn) {
            for (int[] a : intervals(nn.parts().get(0))) {
                for (int[] b : intervals(nn.parts().get(1))) {
                    boolean overlap = a[0] <= b[1] && b[0] <= a[1];
                    if (overlap) {
                        continue;
                    }
                    if (nn.ordered() && a[1] >= b[0]) {
                        continue;
                    }
                    int start = Math.min(a[0], b[0]);
                    int end = Math.max(a[1], b[1]);
                    int gaps = (end - start + 1) - (a[1] - a[0] + 1) - (b[1] - b[0] + 1);
                    if (gaps <= nn.distance()) {
                        out.add(new int[] {start, end});
                    }
                }
            }
        } else if (n instanceof QueryNode.Or o) {
            o.parts().forEach(p -> out.addAll(intervals(p)));
        }
        return out;
    }

    private static String field(QueryNode n) {
        if (n instanceof QueryNode.Word w) {
            return w.field();
        } else if (n instanceof QueryNode.Exact e) {
            return e.field();
        }
        return ((QueryNode.Prefix) n).field();
    }

    private static boolean termMatches(QueryNode n, String term) {
        if (n instanceof QueryNode.Word w) {
            return Analyzers.wordTerms(w.text()).contains(term);
        }
        if (n instanceof QueryNode.Exact e) {
            return Analyzers.exactTerm(e.text()).equals(term);
        }
        return term.startsWith(Analyzers.exactTerm(((QueryNode.Prefix) n).prefix()));
    }
}
