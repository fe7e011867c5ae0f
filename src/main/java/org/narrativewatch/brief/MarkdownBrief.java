package org.narrativewatch.brief;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;

/**
 * A checked brief as Markdown (for wikis and diffs): the prose with references replaced by their values, each
 * figure block replaced by its result (value, status, expectation, reason, change points), and the provenance
 * appendix. Charts are left to the HTML page.
 */
public final class MarkdownBrief {
    private MarkdownBrief() {}

    public static String render(BriefChecker.Result r) {
        Map<Integer, Integer> blockEnd = new HashMap<>();
        r.brief().document().accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (BriefParser.isFigure(block) && !block.getSourceSpans().isEmpty()) {
                    var spans = block.getSourceSpans();
                    blockEnd.put(BriefParser.line(block), spans.get(spans.size() - 1).getLineIndex() + 1);
                }
            }
        });
        Map<Integer, Claim> byLine = new HashMap<>();
        r.claims().forEach(c -> byLine.put(c.line(), c));
        Map<String, Claim> byId = r.byId();
        List<String> lines = r.brief().source().lines().toList();
        StringBuilder b = new StringBuilder();
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            int no = i + 1;
            String line = lines.get(i);
            if (fence == null && blockEnd.containsKey(no)) {
                Claim c = byLine.get(no);
                if (c != null) {
                    b.append(result(c));
                } else {
                    for (int j = i; j < blockEnd.get(no); j++) {
                        b.append(lines.get(j)).append('\n');
                    }
                }
                i = blockEnd.get(no) - 1;
                continue;
            }
            String s = line.strip();
            if (fence == null && (s.startsWith("```") || s.startsWith("~~~"))) {
                fence = s.substring(0, 3);
            } else if (fence != null && s.startsWith(fence)) {
                fence = null;
            } else if (fence == null) {
                line = references(line, byId);
            }
            b.append(line).append('\n');
        }
        b.append("\n---\n\n## Provenance\n\n");
        b.append("- tool: ").append(r.snapshot().get("tool")).append('\n');
        b.append("- time: ").append(r.snapshot().get("time")).append('\n');
        b.append("- corpus snapshot: ").append(r.snapshot().get("corpus") == null ? "no media figure opened the index"
                : r.snapshot().get("corpus") + " (" + r.snapshot().get("articles") + " articles, " + r.snapshot().get("from")
                + " to " + r.snapshot().get("to") + ")").append('\n');
        b.append("- engine: ").append(r.snapshot().get("engine")).append('\n');
        b.append("- data folder: ").append(r.snapshot().get("data")).append("\n\n");
        for (Claim c : r.claims()) {
            b.append("### ").append(c.id()).append(" (").append(c.status().wire()).append(")\n\n");
            if (!c.commands().isEmpty()) {
                b.append("```sh\n");
                c.commands().forEach(cmd -> b.append(cmd).append('\n'));
                b.append("```\n\n");
            }
            for (DataFile f : c.files()) {
                b.append("- `").append(f.path()).append("` ").append(f.bytes()).append(" bytes, sha256 `").append(f.sha256()).append("`\n");
            }
            if (!c.files().isEmpty()) {
                b.append('\n');
            }
        }
        for (String p : r.problems()) {
            b.append("- problem: ").append(p).append('\n');
        }
        return b.toString();
    }

    private static String references(String line, Map<String, Claim> byId) {
        Matcher m = Refs.REF.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = Refs.resolve(byId, m.group(1), m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() + "(?)" : "**" + v + "**"));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String result(Claim c) {
        StringBuilder b = new StringBuilder();
        b.append("> **").append(c.title() == null ? c.id() : c.title()).append("** (`").append(c.id()).append("`, ").append(c.kind())
                .append("): ");
        if (c.value() != null) {
            b.append("**").append(Format.value(c.value(), c.unit())).append("**");
            if (c.lo() != null && c.hi() != null) {
                b.append(" [95% ").append(Format.value(c.lo(), c.unit())).append(", ").append(Format.value(c.hi(), c.unit())).append(']');
            }
            b.append(" — ");
        }
        b.append("*").append(c.status().wire()).append("*");
        if (c.expectedText() != null) {
            b.append("; expected ").append(c.expectedText());
        }
        if (c.reason() != null && !c.reason().isBlank()) {
            b.append("; ").append(c.reason().replace('\n', ' '));
        }
        b.append('\n');
        if (!c.changes().isEmpty()) {
            b.append(">\n> change points: ").append(Expectation.describe(c.changes())).append('\n');
        }
        for (String n : c.notes()) {
            b.append(">\n> ").append(n.replace('\n', ' ')).append('\n');
        }
        return b.toString();
    }
}
