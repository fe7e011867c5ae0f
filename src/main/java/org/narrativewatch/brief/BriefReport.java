package org.narrativewatch.brief;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The two shapes of {@code nwatch brief check}: JSON (the contract {@code {"brief", "snapshot", "claims": [{"id",
 * "kind", "status", "value", "expected", "reason", "line"}]}} plus details) and a text table.
 */
public final class BriefReport {
    private BriefReport() {}

    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static ObjectNode json(BriefChecker.Result r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("brief", r.brief().file().toString());
        o.put("title", r.brief().title());
        o.set("snapshot", JSON.valueToTree(r.snapshot()));
        ArrayNode claims = o.putArray("claims");
        for (Claim c : r.claims()) {
            claims.add(claim(c));
        }
        ObjectNode summary = o.putObject("summary");
        counts(r).forEach((s, n) -> summary.put(s.wire(), n));
        ArrayNode problems = o.putArray("problems");
        r.problems().forEach(problems::add);
        o.put("millis", r.millis());
        return o;
    }

    static ObjectNode claim(Claim c) {
        ObjectNode x = JSON.createObjectNode();
        x.put("id", c.id());
        x.put("kind", c.kind());
        x.put("status", c.status().wire());
        number(x, "value", c.value());
        if (c.expected() == null) {
            x.putNull("expected");
        } else {
            x.set("expected", c.expected());
        }
        x.put("reason", c.reason());
        x.put("line", c.line());
        x.put("title", c.title());
        x.put("unit", c.unit());
        x.put("value_text", c.value() == null ? null : Format.value(c.value(), c.unit()));
        number(x, "lo", c.lo());
        number(x, "hi", c.hi());
        x.put("expected_text", c.expectedText());
        ObjectNode fields = x.putObject("fields");
        c.fields().forEach((k, v) -> fields.set(k, JSON.valueToTree(v instanceof Double d && !Double.isFinite(d) ? null : v)));
        ArrayNode changes = x.putArray("changes");
        for (Change ch : c.changes()) {
            ObjectNode e = changes.addObject();
            e.put("date", ch.date().toString());
            e.put("end", ch.end().toString());
            e.put("direction", ch.up() ? "up" : "down");
            number(e, "before", ch.before());
            number(e, "after", ch.after());
            number(e, "relative_change", ch.relative());
            number(e, "p", ch.p());
            e.put("rests_on_partial", ch.restsOnPartial());
            if (ch.restsOnPartial()) {
                e.put("partial_only", ch.partialOnly());
            }
        }
        ArrayNode partials = x.putArray("partial_buckets");
        for (PartialBucket p : c.partials()) {
            ObjectNode e = partials.addObject();
            e.put("start", p.start().toString());
            e.put("end", p.end().toString());
            e.put("days", p.days());
            e.put("length", p.length());
        }
        if (c.compare() != null) {
            ObjectNode cmp = x.putObject("compare");
            cmp.put("a", c.compare().aLabel());
            cmp.put("b", c.compare().bLabel());
            number(cmp, "level_a", c.compare().a());
            number(cmp, "level_b", c.compare().b());
            number(cmp, "relative_change", c.compare().change());
            number(cmp, "lo", c.compare().lo());
            number(cmp, "hi", c.compare().hi());
            cmp.put("method", c.compare().method());
        }
        if (c.leadLag() != null) {
            x.set("leadlag", JSON.valueToTree(c.leadLag()));
        }
        ArrayNode cmds = x.putArray("commands");
        c.commands().forEach(cmds::add);
        ArrayNode files = x.putArray("files");
        c.files().forEach(f -> files.add(JSON.valueToTree(f)));
        ArrayNode notes = x.putArray("notes");
        c.notes().forEach(notes::add);
        x.put("millis", c.millis());
        return x;
    }

    private static void number(ObjectNode o, String k, Double v) {
        if (v == null || !Double.isFinite(v)) {
            o.putNull(k);
        } else {
            o.put(k, v);
        }
    }

    private static void number(ObjectNode o, String k, double v) {
        number(o, k, Double.valueOf(v));
    }

    static Map<Status, Integer> counts(BriefChecker.Result r) {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            m.put(s, 0);
        }
        r.claims().forEach(c -> m.merge(c.status(), 1, Integer::sum));
        return m;
    }

    public static String table(BriefChecker.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(r.brief().file()).append(": ").append(r.brief().title()).append('\n');
        b.append(String.format(Locale.ROOT, "%-5s %-28s %-9s %-9s %-16s %s%n", "line", "figure", "kind", "status", "value", "expected / reason"));
        for (Claim c : r.claims()) {
            String value = c.value() == null ? "-" : Format.value(c.value(), c.unit());
            String why = (c.expectedText() == null ? "" : c.expectedText() + ": ") + (c.reason() == null ? "" : c.reason());
            b.append(String.format(Locale.ROOT, "%-5d %-28s %-9s %-9s %-16s %s%n", c.line(), clip(c.id(), 28), c.kind(),
                    c.status().wire(), clip(value, 16), why));
            if (!c.partials().isEmpty()) {
                b.append(String.format(Locale.ROOT, "%-5s %-28s partial buckets: %s%n", "", "", PartialBucket.describe(c.partials())));
            }
        }
        Map<Status, Integer> n = counts(r);
        b.append(String.format(Locale.ROOT, "%d claims: %d holds, %d fails, %d unknown, %d computed (%d ms)%n", r.claims().size(),
                n.get(Status.HOLDS), n.get(Status.FAILS), n.get(Status.UNKNOWN), n.get(Status.COMPUTED), r.millis()));
        Object corpus = r.snapshot().get("corpus");
        if (corpus != null) {
            b.append("corpus: ").append(corpus).append(" (").append(r.snapshot().get("from")).append(" .. ")
                    .append(r.snapshot().get("to")).append(")\n");
        }
        for (String p : r.problems()) {
            b.append("problem: ").append(p).append('\n');
        }
        return b.toString();
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
