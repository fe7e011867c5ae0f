package org.narrativewatch.brief;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * A checked brief as one self-contained HTML page: the prose (CommonMark, raw HTML escaped, URLs sanitised), each
 * figure block replaced by its number, status and inline SVG chart, references replaced by their values, and a
 * provenance appendix. No script, no external resource: a Content-Security-Policy forbids any network use, and a
 * print stylesheet and a narrow-screen layout are inline.
 */
public final class HtmlBrief {
    private HtmlBrief() {}

    /** An inline {@code {{id.field}}} in prose. */
    static final class Ref extends CustomNode {
        final String id;
        final String field;
        final String source;

        Ref(String id, String field, String source) {
            this.id = id;
            this.field = field;
            this.source = source;
        }
    }

    public static String render(BriefChecker.Result r) {
        Node doc = r.brief().document();
        splitReferences(doc);
        Map<Integer, Claim> byLine = new HashMap<>();
        r.claims().forEach(c -> byLine.put(c.line(), c));
        Map<String, Claim> byId = r.byId();
        HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
                .nodeRendererFactory(ctx -> new Figures(ctx, byLine, byId)).build();
        String body = renderer.render(doc);
        StringBuilder b = new StringBuilder(body.length() + 32_000);
        String title = Svg.esc(r.brief().title());
        b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<meta name=\"generator\" content=\"").append(Svg.esc(String.valueOf(r.snapshot().get("tool")))).append("\">")
                .append("<title>").append(title).append("</title><style>").append(CSS).append("</style></head><body>\n");
        b.append("<header class=\"nw-head\"><p class=\"nw-summary\">");
        BriefReport.counts(r).forEach((s, n) -> b.append("<span class=\"badge ").append(s.wire()).append("\">").append(n)
                .append(' ').append(s.wire()).append("</span> "));
        b.append("<span class=\"meta\">checked ").append(Svg.esc(String.valueOf(r.snapshot().get("time"))))
                .append(" · <a href=\"#provenance\">provenance</a></span></p></header>\n<main>\n");
        b.append(body);
        b.append("</main>\n");
        provenance(b, r);
        b.append("</body></html>\n");
        return b.toString();
    }

    /** Replaces {@code {{...}}} inside text nodes by {@link Ref} nodes (code spans and blocks are not text nodes). */
    static void splitReferences(Node doc) {
        List<Text> texts = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                if (text.getLiteral().contains("{{")) {
                    texts.add(text);
                }
            }
        });
        for (Text t : texts) {
            String s = t.getLiteral();
            Matcher m = Refs.REF.matcher(s);
            int last = 0;
            Node anchor = t;
            boolean any = false;
            while (m.find()) {
                any = true;
                if (m.start() > last) {
                    Text before = new Text(s.substring(last, m.start()));
                    anchor.insertAfter(before);
                    anchor = before;
                }
                Ref ref = new Ref(m.group(1), m.group(2), m.group());
                anchor.insertAfter(ref);
                anchor = ref;
                last = m.end();
            }
            if (any) {
                if (last < s.length()) {
                    anchor.insertAfter(new Text(s.substring(last)));
                }
                t.unlink();
            }
        }
    }

    /** Renders figure blocks, references, and (as CommonMark would) every other fenced code block. */
    private static final class Figures implements NodeRenderer {
        private final HtmlNodeRendererContext ctx;
        private final HtmlWriter html;
        private final Map<Integer, Claim> byLine;
        private final Map<String, Claim> byId;

        Figures(HtmlNodeRendererContext ctx, Map<Integer, Claim> byLine, Map<String, Claim> byId) {
            this.ctx = ctx;
            this.html = ctx.getWriter();
            this.byLine = byLine;
            this.byId = byId;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class, Ref.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Ref ref) {
                String v = Refs.resolve(byId, ref.id, ref.field);
                Claim c = byId.get(ref.id);
                if (v == null) {
                    html.raw("<span class=\"nw-ref broken\" title=\"no such figure or field\">");
                    html.text(ref.source);
                    html.raw("</span>");
                } else {
                    html.raw("<a class=\"nw-ref " + c.status().wire() + "\" href=\"#fig-" + Svg.esc(c.id()) + "\" title=\"figure "
                            + Svg.esc(c.id()) + ": " + c.status().wire() + "\">");
                    html.text(v);
                    html.raw("</a>");
                }
                return;
            }
            FencedCodeBlock block = (FencedCodeBlock) node;
            if (BriefParser.isFigure(block)) {
                Claim c = byLine.get(BriefParser.line(block));
                html.line();
                if (c == null) {
                    html.raw("<figure class=\"nw-figure skipped\"><figcaption>figure not checked in this run</figcaption><pre><code>");
                    html.text(block.getLiteral());
                    html.raw("</code></pre></figure>");
                } else {
                    html.raw(figure(c));
                }
                html.line();
                return;
            }
            html.line();
            html.raw("<pre><code");
            String info = block.getInfo() == null ? "" : block.getInfo().strip();
            if (!info.isEmpty()) {
                html.raw(" class=\"language-" + Svg.esc(info.split("\\s+")[0]) + "\"");
            }
            html.raw(">");
            html.text(block.getLiteral());
            html.raw("</code></pre>");
            html.line();
        }
    }

    static String figure(Claim c) {
        StringBuilder b = new StringBuilder();
        String id = Svg.esc(c.id());
        b.append("<figure class=\"nw-figure ").append(c.status().wire()).append("\" id=\"fig-").append(id)
                .append("\" data-kind=\"").append(Svg.esc(c.kind())).append("\" data-status=\"").append(c.status().wire()).append("\">");
        b.append("<figcaption><span class=\"badge ").append(c.status().wire()).append("\">").append(c.status().wire())
                .append("</span> <strong>").append(Svg.esc(c.title() == null ? c.id() : c.title())).append("</strong> <span class=\"meta\">")
                .append(c.title() == null ? "" : id + " · ").append(Svg.esc(c.kind())).append(" · line ").append(c.line()).append("</span></figcaption>");
        if (c.value() != null) {
            b.append("<p class=\"nw-value\">").append(Svg.esc(Format.value(c.value(), c.unit())));
            if (c.lo() != null && c.hi() != null) {
                b.append(" <span class=\"ci\">[95% ").append(Svg.esc(Format.value(c.lo(), c.unit()))).append(", ")
                        .append(Svg.esc(Format.value(c.hi(), c.unit()))).append("]</span>");
            }
            b.append(" <span class=\"unit\">").append(Svg.esc(unitWords(c))).append("</span></p>");
        }
        if (c.expectedText() != null) {
            b.append("<p class=\"nw-expect\"><span class=\"lbl\">expected</span> ").append(Svg.esc(c.expectedText())).append("</p>");
        }
        if (c.reason() != null && !c.reason().isBlank()) {
            b.append("<p class=\"nw-reason\">").append(Svg.esc(c.reason())).append("</p>");
        }
        if (c.chart() != null) {
            String title = (c.title() == null ? c.id() : c.title()) + " (" + c.kind() + ")";
            if (!c.chart().lines().isEmpty()) {
                b.append(Svg.chart(c.chart(), title));
                b.append(legend(c.chart()));
            }
            if (!c.chart().shapes().isEmpty()) {
                b.append(Svg.map(c.chart().shapes(), title + ": map"));
                b.append(mapLegend(c.chart()));
            }
        }
        if (!c.changes().isEmpty()) {
            b.append("<p class=\"nw-changes\"><span class=\"lbl\">change points</span> ");
            List<String> parts = new ArrayList<>();
            for (Change ch : c.changes()) {
                parts.add((ch.up() ? "▲ " : "▼ ") + Expectation.span(ch) + " " + Expectation.level(ch) + " (p " + Format.p(ch.p()) + ")"
                        + (ch.restsOnPartial() ? " — rests on a partial bucket, not counted" : ""));
            }
            b.append(Svg.esc(String.join("; ", parts))).append("</p>");
        }
        for (String n : c.notes()) {
            b.append("<p class=\"nw-note\">").append(Svg.esc(n)).append("</p>");
        }
        b.append("<p class=\"nw-prov\"><a href=\"#prov-").append(id).append("\">how this was computed</a></p>");
        b.append("</figure>");
        return b.toString();
    }

    private static String unitWords(Claim c) {
        return switch (c.unit() == null ? "" : c.unit()) {
            case Computed.COUNT -> c.kind().equals("media") ? "matching articles" : "";
            case Computed.SHARE -> "share";
            case Computed.RELATIVE -> "relative change";
            case Computed.PERCENT -> "of respondents";
            case "km2" -> "km²";
            case "occupied_km2" -> "km² occupied";
            case "contact_line_km" -> "km of line of contact";
            case "lag" -> "steps (A ahead of B when positive)";
            default -> "";
        };
    }

    private static String legend(Chart ch) {
        StringBuilder b = new StringBuilder("<p class=\"nw-legend\">");
        int i = 0;
        for (Chart.Line l : ch.lines()) {
            b.append("<span class=\"key s").append(i++ % 4).append("\"></span>").append(Svg.esc(l.label())).append(' ');
        }
        if (!ch.windows().isEmpty()) {
            b.append("<span class=\"key win\"></span>compared windows ");
        }
        if (!ch.partials().isEmpty()) {
            b.append("<span class=\"key partial\"></span>partial bucket (fewer days) ");
        }
        if (ch.markers().stream().anyMatch(m -> m.kind() == Chart.MarkerKind.CHANGE_UP)) {
            b.append("<span class=\"key up\"></span>change up ");
        }
        if (ch.markers().stream().anyMatch(m -> m.kind() == Chart.MarkerKind.CHANGE_DOWN)) {
            b.append("<span class=\"key down\"></span>change down ");
        }
        if (ch.markers().stream().anyMatch(m -> m.kind() == Chart.MarkerKind.EXPECTED)) {
            b.append("<span class=\"key expected\"></span>expected ");
        }
        if (ch.markers().stream().anyMatch(m -> m.kind() == Chart.MarkerKind.EVENT)) {
            b.append("<span class=\"key event\"></span>event");
        }
        return b.append("</p>").toString();
    }

    private static String mapLegend(Chart ch) {
        StringBuilder b = new StringBuilder("<p class=\"nw-legend\">");
        for (Chart.Shape s : ch.shapes()) {
            b.append("<span class=\"key geo-").append(Svg.esc(s.kind())).append("\"></span>").append(Svg.esc(s.label())).append(' ');
        }
        return b.append("</p>").toString();
    }

    private static void provenance(StringBuilder b, BriefChecker.Result r) {
        b.append("<section id=\"provenance\" class=\"nw-appendix\"><h2>Provenance</h2>");
        b.append("<p>Every figure above was computed by ").append(Svg.esc(String.valueOf(r.snapshot().get("tool"))))
                .append(" on ").append(Svg.esc(String.valueOf(r.snapshot().get("time"))))
                .append(". Re-check the whole brief with <code>nwatch brief check ").append(Svg.esc(BriefContext.sh(r.brief().file().toString())))
                .append(r.snapshot().get("engine") == null ? "" : " " + Svg.esc(String.valueOf(r.snapshot().get("engine"))))
                .append(r.snapshot().get("data") == null ? "" : " --data " + Svg.esc(BriefContext.sh(String.valueOf(r.snapshot().get("data")))))
                .append("</code>; the commands below reproduce each figure on its own.</p>");
        b.append("<table class=\"nw-snapshot\"><tbody>");
        row(b, "corpus snapshot", r.snapshot().get("corpus") == null ? "no media figure opened the index"
                : r.snapshot().get("corpus") + " — " + r.snapshot().get("articles") + " articles, " + r.snapshot().get("outlets")
                + " outlets, " + r.snapshot().get("from") + " to " + r.snapshot().get("to"));
        row(b, "engine", String.valueOf(r.snapshot().get("engine")));
        row(b, "data folder", String.valueOf(r.snapshot().get("data")));
        row(b, "tool", String.valueOf(r.snapshot().get("tool")));
        row(b, "time", String.valueOf(r.snapshot().get("time")));
        b.append("</tbody></table>");
        for (Claim c : r.claims()) {
            b.append("<div class=\"nw-prov-fig\" id=\"prov-").append(Svg.esc(c.id())).append("\"><h3><a href=\"#fig-")
                    .append(Svg.esc(c.id())).append("\">").append(Svg.esc(c.id())).append("</a> <span class=\"badge ")
                    .append(c.status().wire()).append("\">").append(c.status().wire()).append("</span></h3>");
            b.append("<p class=\"meta\">").append(Svg.esc(r.brief().file() + ":" + c.line())).append(" · ").append(Svg.esc(c.kind()))
                    .append(" · ").append(c.millis()).append(" ms</p>");
            if (!c.commands().isEmpty()) {
                b.append("<pre class=\"cmd\">");
                b.append(Svg.esc("nwatch brief check " + BriefContext.sh(r.brief().file().toString()) + " --figure " + c.id()
                        + (r.snapshot().get("engine") == null ? "" : " " + r.snapshot().get("engine"))
                        + (r.snapshot().get("data") == null ? "" : " --data " + BriefContext.sh(String.valueOf(r.snapshot().get("data"))))));
                for (String cmd : c.commands()) {
                    b.append('\n').append(Svg.esc(cmd));
                }
                b.append("</pre>");
            }
            if (!c.files().isEmpty()) {
                b.append("<table class=\"nw-files\"><thead><tr><th>file</th><th>bytes</th><th>SHA-256</th></tr></thead><tbody>");
                for (DataFile f : c.files()) {
                    b.append("<tr><td>").append(Svg.esc(f.path())).append("</td><td>").append(String.format(java.util.Locale.ROOT, "%,d", f.bytes()))
                            .append("</td><td><code>").append(Svg.esc(f.sha256())).append("</code></td></tr>");
                }
                b.append("</tbody></table>");
            }
            b.append("</div>");
        }
        if (!r.problems().isEmpty()) {
            b.append("<h3>Problems</h3><ul>");
            r.problems().forEach(p -> b.append("<li>").append(Svg.esc(p)).append("</li>"));
            b.append("</ul>");
        }
        b.append("</section>\n");
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(Svg.esc(k)).append("</th><td>").append(Svg.esc(v)).append("</td></tr>");
    }

    static final String CSS = """
            :root{--fg:#1d232b;--muted:#5b6570;--line:#d8dde3;--holds:#1b7f3b;--fails:#b42318;--unknown:#8a6100;--computed:#3558a8}
            *{box-sizing:border-box}
            body{margin:0;font:16px/1.55 Georgia,'Times New Roman',serif;color:var(--fg);background:#fff}
            main,.nw-head,.nw-appendix{max-width:46rem;margin:0 auto;padding:0 1rem}
            .nw-head{padding-top:1rem;font:14px/1.4 system-ui,sans-serif}
            h1,h2,h3{font-family:system-ui,sans-serif;line-height:1.25}
            h1{font-size:1.9rem;margin:.6rem 0 1rem}
            a{color:#1f4f99}
            code,pre{font:13px/1.45 ui-monospace,Menlo,Consolas,monospace}
            pre{overflow-x:auto;background:#f5f6f8;padding:.6rem;border-radius:4px;white-space:pre-wrap;word-break:break-all}
            .badge{display:inline-block;font:600 12px/1.6 system-ui,sans-serif;padding:0 .45rem;border-radius:3px;color:#fff;background:var(--muted)}
            .badge.holds{background:var(--holds)}.badge.fails{background:var(--fails)}.badge.unknown{background:var(--unknown)}.badge.computed{background:var(--computed)}
            .meta{color:var(--muted);font:13px/1.4 system-ui,sans-serif}
            .nw-figure{margin:1.4rem 0;padding:.8rem 1rem;border:1px solid var(--line);border-left:5px solid var(--muted);border-radius:4px;font-family:system-ui,sans-serif}
            .nw-figure.holds{border-left-color:var(--holds)}.nw-figure.fails{border-left-color:var(--fails)}
            .nw-figure.unknown{border-left-color:var(--unknown)}.nw-figure.computed{border-left-color:var(--computed)}
            .nw-figure p{margin:.35rem 0;font-size:14px}
            .nw-value{font-size:1.5rem!important;font-weight:600}
            .nw-value .ci,.nw-value .unit{font-size:.9rem;font-weight:400;color:var(--muted)}
            .lbl{font-weight:600;color:var(--muted);margin-right:.3rem}
            .nw-reason{color:#333}.nw-note{color:var(--muted);font-size:13px!important}
            .nw-ref{font-weight:600;text-decoration:none;border-bottom:2px solid var(--muted);color:inherit}
            .nw-ref.holds{border-color:var(--holds)}.nw-ref.fails{border-color:var(--fails);background:#fdecea}
            .nw-ref.unknown{border-color:var(--unknown)}.nw-ref.broken{color:var(--fails)}
            svg.nw-chart{display:block;width:100%;height:auto;margin:.4rem 0}
            svg .grid{stroke:#edf0f3}svg .axis{stroke:#9aa4ae}svg .xtick{stroke:#9aa4ae}
            svg text{font:11px system-ui,sans-serif;fill:#5b6570}svg .ytick{text-anchor:end}svg .xlabel{text-anchor:middle}
            svg .line{fill:none;stroke-width:1.6}svg .err{stroke-width:1.4}
            svg .s0{stroke:#1f4f99;fill:#1f4f99}svg .s1{stroke:#c2410c;fill:#c2410c}svg .s2{stroke:#15803d;fill:#15803d}svg .s3{stroke:#7e22ce;fill:#7e22ce}
            svg .line.s0,svg .line.s1,svg .line.s2,svg .line.s3{fill:none}
            svg .win{fill:#fdf3c4;opacity:.8}svg .winlabel{font-weight:700}
            svg .partial{fill:#e5e7eb;opacity:.7}svg .partial-pt{fill:#fff!important;stroke-width:1.5}
            svg .mk{stroke-width:1.5}svg .mk.up{stroke:#b42318;stroke-dasharray:4 2}svg .mk.down{stroke:#1f4f99;stroke-dasharray:4 2}
            svg .mk.event{stroke:#6b7280;stroke-dasharray:1 3}svg .mk.expected{stroke:#d97706;stroke-dasharray:2 2;stroke-width:2}
            svg .evlabel{font-size:10px}
            svg .geo{stroke-width:.6;fill-rule:evenodd}svg .geo.land{fill:#f1efe8;stroke:#b9b4a6}
            svg .geo.occupied{fill:#e9a5a0;stroke:#b42318;opacity:.85}svg .geo.area{fill:none;stroke:#1f4f99;stroke-width:2}
            svg .geo.to_russia{fill:#7f1d1d;opacity:.75;stroke:none}svg .geo.to_ukraine{fill:#2563eb;opacity:.7;stroke:none}
            svg .geo.line{fill:none;stroke:#111;stroke-width:1.5;stroke-dasharray:5 3}
            .nw-legend{font-size:12px!important;color:var(--muted)}
            .key{display:inline-block;width:14px;height:3px;margin:0 .3rem 3px .2rem;background:#1f4f99;vertical-align:middle}
            .key.s1{background:#c2410c}.key.s2{background:#15803d}.key.s3{background:#7e22ce}
            .key.win{height:10px;background:#fdf3c4}.key.up{background:#b42318}.key.down{background:#1f4f99}
            .key.partial{height:10px;background:#e5e7eb}.key.expected{background:#d97706}.key.event{background:#6b7280}
            .key.geo-land{height:10px;background:#f1efe8;border:1px solid #b9b4a6}.key.geo-occupied{height:10px;background:#e9a5a0}
            .key.geo-area{height:10px;background:none;border:2px solid #1f4f99}.key.geo-to_russia{height:10px;background:#7f1d1d}
            .key.geo-to_ukraine{height:10px;background:#2563eb}.key.geo-line{background:#111}
            table{border-collapse:collapse;font:13px/1.4 system-ui,sans-serif;display:block;overflow-x:auto;max-width:100%}
            th,td{border-bottom:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
            td code{word-break:break-all}
            .nw-appendix{margin-top:3rem;border-top:2px solid var(--line);font-family:system-ui,sans-serif}
            .nw-prov-fig h3{font-size:1rem;margin:1.2rem 0 .2rem}
            @media (max-width:600px){body{font-size:15px}h1{font-size:1.5rem}.nw-figure{padding:.6rem}}
            @media print{body{font-size:11pt}a{color:inherit;text-decoration:none}.nw-head .meta a{display:none}
            .nw-figure{break-inside:avoid;border-color:#999}.nw-appendix{break-before:page}pre{white-space:pre-wrap}
            .badge{border:1px solid #000;color:#000!important;background:none!important}}
            """;
}
