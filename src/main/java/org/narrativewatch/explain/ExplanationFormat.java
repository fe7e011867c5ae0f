package org.narrativewatch.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The wire forms of an {@link Explanation}: JSON ({@code {"query", "window", "baseline", "terms":
 * [{"term", "kind", "count", "baseline_count", "g2", "p", "log_ratio", "ci": [lo, hi], …}],
 * "outlets": [...], …}}, the contract with fields added), CSV (one row per item, the
 * provenance in # comments) and a table for the terminal. CLI and API share these.
 */
public final class ExplanationFormat {
    private ExplanationFormat() {}

    public static Map<String, Object> toJson(Explanation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", e.query());
        m.put("window", window(e.window()));
        m.put("baseline", window(e.baseline()));
        m.put("terms", e.terms().stream().map(ExplanationFormat::term).toList());
        m.put("stop_words", e.stopWords().stream().map(ExplanationFormat::term).toList());
        m.put("query_terms", e.queryTerms().stream().map(ExplanationFormat::term).toList());
        m.put("outlets", e.outlets().stream().map(ExplanationFormat::share).toList());
        List<Object> articles = new ArrayList<>();
        for (Explanation.ArticleRef a : e.articles()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("url", a.url());
            x.put("date", a.date() == null ? null : a.date().toString());
            x.put("outlet", a.outlet());
            x.put("title", a.title());
            x.put("terms", a.terms());
            articles.add(x);
        }
        m.put("articles", articles);
        Explanation.Method md = e.method();
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("counts", "articles (documents), exact; every item is counted in the whole window and baseline");
        method.put("terms", md.terms());
        method.put("articles_read", Map.of("window", md.readWindow(), "baseline", md.readBaseline()));
        method.put("g2", "Dunning log-likelihood of the 2x2 table of articles with/without the item in window and baseline");
        method.put("p", "P(chi2 with 1 df >= G2)");
        method.put("log_ratio", "log2 of the ratio of the two article shares; 95% interval: Katz log method, 0.5 added to every cell when a count is 0");
        method.put("tested", md.tested());
        method.put("significant_below", md.threshold());
        method.put("min_count", md.minCount());
        method.put("max_p", md.maxP());
        method.put("sort", md.sort());
        method.put("millis", md.millis());
        m.put("method", method);
        m.put("snapshot", e.snapshot());
        return m;
    }

    private static Map<String, Object> window(Explanation.Window w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", w.kind());
        m.put("from", w.from() == null ? null : w.from().toString());
        m.put("to", w.to() == null ? null : w.to().toString());
        m.put("articles", w.articles());
        return m;
    }

    static Map<String, Object> term(Explanation.Term t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("term", t.term());
        m.put("kind", t.kind());
        m.put("label", t.label());
        if (t.type() != null) {
            m.put("type", t.type());
        }
        m.put("direction", t.direction());
        scores(m, t.score());
        m.put("significant", t.significant());
        m.put("query", t.query());
        if (!t.variants().isEmpty()) {
            m.put("variants", t.variants());
        }
        return m;
    }

    private static Map<String, Object> share(Explanation.Share s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("facet", s.facet());
        m.put("name", s.name());
        m.put(s.facet(), s.name());
        scores(m, s.score());
        return m;
    }

    private static void scores(Map<String, Object> m, Keyness.Score s) {
        m.put("count", s.count());
        m.put("baseline_count", s.baselineCount());
        m.put("share", round(s.share(), 6));
        m.put("baseline_share", round(s.baselineShare(), 6));
        m.put("g2", round(s.g2(), 4));
        m.put("p", s.p());
        m.put("log_ratio", finite(round(s.logRatio(), 4)));
        m.put("ci", Arrays.asList(finite(round(s.ciLow(), 4)), finite(round(s.ciHigh(), 4))));
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    public static String toCsv(Explanation e) {
        StringBuilder b = new StringBuilder();
        b.append("# nwatch explain\n");
        b.append("# query: ").append(oneLine(e.query())).append('\n');
        b.append("# window: ").append(windowText(e.window())).append('\n');
        b.append("# baseline: ").append(windowText(e.baseline())).append('\n');
        b.append("# counts: articles; g2 = log-likelihood, p = P(chi2_1 >= g2), log_ratio = log2 of the share ratio, 95% interval\n");
        b.append("# corpus: ").append(oneLine(String.valueOf(e.snapshot()))).append('\n');
        b.append("section,term,kind,label,direction,count,baseline_count,share,baseline_share,g2,p,log_ratio,ci_low,ci_high,significant\n");
        for (var entry : List.of(Map.entry("term", e.terms()), Map.entry("stop_word", e.stopWords()),
                Map.entry("query_term", e.queryTerms()))) {
            for (Explanation.Term t : entry.getValue()) {
                row(b, entry.getKey(), t.term(), t.kind(), t.label(), t.direction(), t.score(), t.significant());
            }
        }
        for (Explanation.Share s : e.outlets()) {
            row(b, s.facet(), s.name(), s.facet(), s.name(), Explainer.direction(s.score()), s.score(), false);
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String section, String term, String kind, String label, String dir,
                            Keyness.Score s, boolean significant) {
        b.append(section).append(',').append(cell(term)).append(',').append(kind).append(',').append(cell(label)).append(',')
                .append(dir).append(',').append(s.count()).append(',').append(s.baselineCount()).append(',')
                .append(num(s.share())).append(',').append(num(s.baselineShare())).append(',').append(num(s.g2())).append(',')
                .append(num(s.p())).append(',').append(num(s.logRatio())).append(',').append(num(s.ciLow())).append(',')
                .append(num(s.ciHigh())).append(',').append(significant).append('\n');
    }

    private static String num(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "";
    }

    public static String cell(String s) {
        String one = oneLine(s == null ? "" : s);
        return one.matches("[^\",]*") ? one : "\"" + one.replace("\"", "\"\"") + "\"";
    }

    public static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }

    private static String windowText(Explanation.Window w) {
        return w.kind() + " " + (w.from() == null ? "start" : w.from()) + ".." + (w.to() == null ? "end" : w.to())
                + " (" + w.articles() + " articles)";
    }

    public static String toTable(Explanation e) {
        StringBuilder b = new StringBuilder();
        b.append(e.query()).append(": ").append(windowText(e.window())).append(" vs ")
                .append(e.baseline().kind().equals("rest") ? "the rest of the window (" + e.baseline().articles() + " articles)"
                        : windowText(e.baseline())).append('\n');
        if (e.window().articles() == 0 || e.baseline().articles() == 0) {
            b.append("(one side has no articles: nothing to compare)\n");
        }
        for (String dir : List.of("over", "under")) {
            List<Explanation.Term> ts = e.terms().stream().filter(t -> t.direction().equals(dir)).toList();
            b.append('\n').append(dir.equals("over") ? "More in the window" : "Less in the window").append(" (")
                    .append(ts.size()).append(")\n");
            termRows(b, ts);
        }
        if (!e.stopWords().isEmpty()) {
            b.append("\nStop words and numbers\n");
            termRows(b, e.stopWords());
        }
        if (!e.queryTerms().isEmpty()) {
            b.append("\nThe query's own terms\n");
            termRows(b, e.queryTerms());
        }
        if (!e.outlets().isEmpty()) {
            b.append("\nOutlets and groups (share of the window's articles vs the baseline's)\n");
            b.append(String.format(Locale.ROOT, "%-7s %-28s %8s %8s %8s %8s %9s%n", "facet", "name", "window", "share",
                    "baseline", "share", "G2"));
            for (Explanation.Share s : e.outlets()) {
                Keyness.Score k = s.score();
                b.append(String.format(Locale.ROOT, "%-7s %-28s %8d %7.1f%% %8d %7.1f%% %9.1f%n", s.facet(), clip(s.name(), 28),
                        k.count(), 100 * k.share(), k.baselineCount(), 100 * k.baselineShare(), k.g2()));
            }
        }
        if (!e.articles().isEmpty()) {
            b.append("\nArticles that show it\n");
            for (Explanation.ArticleRef a : e.articles()) {
                b.append("  ").append(a.date()).append("  ").append(clip(oneLine(a.title()), 90)).append("  [")
                        .append(String.join(", ", a.terms())).append("]\n");
            }
        }
        Explanation.Method m = e.method();
        b.append(String.format(Locale.ROOT, "%n%d items tested; * = significant after Bonferroni (p < %.2g); counts are articles; %s; "
                + "articles read for names and phrases: %d + %d; %d ms%n", m.tested(), m.threshold(), m.terms(),
                m.readWindow(), m.readBaseline(), m.millis()));
        return b.toString();
    }

    private static void termRows(StringBuilder b, List<Explanation.Term> ts) {
        if (ts.isEmpty()) {
            b.append("  (none)\n");
            return;
        }
        b.append(String.format(Locale.ROOT, "  %-30s %-6s %7s %7s %9s %11s %8s %17s%n", "term", "kind", "window", "base",
                "G2", "p", "log2 r", "95% CI"));
        for (Explanation.Term t : ts) {
            Keyness.Score s = t.score();
            b.append(String.format(Locale.ROOT, "  %-30s %-6s %7d %7d %9.1f %11.2g %8.2f %17s%s%n", clip(t.label(), 30), t.kind(),
                    s.count(), s.baselineCount(), s.g2(), s.p(), s.logRatio(),
                    String.format(Locale.ROOT, "[%.2f, %.2f]", s.ciLow(), s.ciHigh()), t.significant() ? " *" : ""));
        }
    }

    private static String clip(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
