package org.narrativewatch.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wire forms of {@link Collocates.Result}: JSON ({@code {"query", "within", "measure", "buckets":
 * [{"start", "count", "terms": [{"term", "kind", "count", "score"}]}]}} with fields added), CSV (one
 * row per bucket and term, a row with an empty term for a bucket without collocates, so every
 * bucket is present) and a table.
 */
public final class CollocatesFormat {
    private CollocatesFormat() {}

    public static Map<String, Object> toJson(Collocates.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", r.query());
        m.put("within", r.within());
        m.put("measure", r.measure());
        m.put("by", r.by().wire());
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        m.put("min_count", r.minCount());
        List<Object> buckets = new ArrayList<>();
        for (Collocates.Bucket b : r.buckets()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("start", b.start().toString());
            x.put("end", b.end().toString());
            x.put("count", b.count());
            x.put("total", b.total());
            x.put("read", b.read());
            x.put("sampled", b.read() < b.count());
            List<Object> terms = new ArrayList<>();
            for (Collocates.Collocate c : b.terms()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("term", c.term());
                t.put("kind", c.kind());
                t.put("label", c.label());
                t.put("count", c.score().count());
                t.put("score", ExplanationFormat.round(c.score().g2(), 4));
                t.put("p", c.score().p());
                t.put("elsewhere", c.score().baselineCount());
                t.put("share", ExplanationFormat.round(c.score().share(), 6));
                t.put("elsewhere_share", ExplanationFormat.round(c.score().baselineShare(), 6));
                t.put("log_ratio", ExplanationFormat.round(c.score().logRatio(), 4));
                terms.add(t);
            }
            x.put("terms", terms);
            buckets.add(x);
        }
        m.put("buckets", buckets);
        m.put("snapshot", r.snapshot());
        m.put("millis", r.millis());
        return m;
    }

    public static String toCsv(Collocates.Result r) {
        StringBuilder b = new StringBuilder();
        b.append("# nwatch cooccur\n# query: ").append(ExplanationFormat.oneLine(r.query())).append('\n');
        b.append("# within: ").append(r.within()).append(" words; by: ").append(r.by().wire()).append("; ")
                .append(r.from()).append("..").append(r.to()).append('\n');
        b.append("# measure: ").append(r.measure()).append('\n');
        b.append("# corpus: ").append(ExplanationFormat.oneLine(String.valueOf(r.snapshot()))).append('\n');
        b.append("start,end,count,total,read,term,kind,label,near,elsewhere,score,p,log_ratio\n");
        for (Collocates.Bucket k : r.buckets()) {
            String head = k.start() + "," + k.end() + "," + k.count() + "," + k.total() + "," + k.read() + ",";
            if (k.terms().isEmpty()) {
                b.append(head).append(",,,,,,,\n");
            }
            for (Collocates.Collocate c : k.terms()) {
                b.append(head).append(ExplanationFormat.cell(c.term())).append(',').append(c.kind()).append(',')
                        .append(ExplanationFormat.cell(c.label())).append(',').append(c.score().count()).append(',')
                        .append(c.score().baselineCount()).append(',')
                        .append(String.format(Locale.ROOT, "%.4f,%.4g,%.4f", c.score().g2(), c.score().p(), c.score().logRatio()))
                        .append('\n');
            }
        }
        return b.toString();
    }

    public static String toTable(Collocates.Result r, int perBucket) {
        StringBuilder b = new StringBuilder();
        b.append(r.query()).append(": collocates within ").append(r.within()).append(" words, by ").append(r.by().wire())
                .append(", ").append(r.from()).append("..").append(r.to()).append('\n');
        b.append("score = G2, articles near the query vs the bucket's other articles; (n) = articles with the term near a match\n\n");
        for (Collocates.Bucket k : r.buckets()) {
            b.append(String.format(Locale.ROOT, "%s  %5d of %6d%s  ", k.start(), k.count(), k.total(),
                    k.read() < k.count() ? " (read " + k.read() + ")" : ""));
            List<String> cells = new ArrayList<>();
            for (Collocates.Collocate c : k.terms().subList(0, Math.min(perBucket, k.terms().size()))) {
                cells.add(String.format(Locale.ROOT, "%s (%d, %.0f)", c.label(), c.score().count(), c.score().g2()));
            }
            b.append(cells.isEmpty() ? "-" : String.join(", ", cells)).append('\n');
        }
        return b.toString();
    }
}
