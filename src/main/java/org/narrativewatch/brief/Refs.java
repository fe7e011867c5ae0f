package org.narrativewatch.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline references in prose: {@code {{id}}} (the figure's value as it reads, e.g. "1,234" or "−42%") and
 * {@code {{id.field}}} (one of its fields: value, lo, hi, status, expected, or any field the kind names, such as
 * date, change_date, a, b, snapshot_date). A reference to no figure, or to a field the figure lacks, is a problem
 * reported with FILE:LINE and shown as such in the page.
 */
final class Refs {
    private Refs() {}

    static final Pattern REF = Pattern.compile("\\{\\{\\s*([A-Za-z0-9][A-Za-z0-9_-]*)(?:\\.([A-Za-z0-9_]+))?\\s*\\}\\}");
    private static final Set<String> PERCENT_FIELDS = Set.of("share", "relative", "change_relative", "occupied_share");

    /** The text a reference stands for, or null when the figure or field does not exist. */
    static String resolve(Map<String, Claim> claims, String id, String field) {
        Claim c = claims.get(id);
        if (c == null) {
            return null;
        }
        String f = field == null ? "value" : field;
        switch (f) {
            case "value":
                return c.value() == null ? "n/a" : Format.value(c.value(), c.unit());
            case "lo":
                return c.lo() == null ? (c.fields().containsKey("lo") ? format(c, "lo", c.fields().get("lo")) : null)
                        : Format.value(c.lo(), c.unit());
            case "hi":
                return c.hi() == null ? (c.fields().containsKey("hi") ? format(c, "hi", c.fields().get("hi")) : null)
                        : Format.value(c.hi(), c.unit());
            case "status":
                return c.status().wire();
            case "expected":
                return c.expectedText() == null ? "" : c.expectedText();
            default:
                if (c.fields().isEmpty() && c.status() == Status.UNKNOWN) {
                    return "n/a"; // the figure could not be computed: its own reason says why
                }
                if (!c.fields().containsKey(f)) {
                    return null;
                }
                return format(c, f, c.fields().get(f));
        }
    }

    private static String format(Claim c, String field, Object v) {
        if (v == null) {
            return "n/a";
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (PERCENT_FIELDS.contains(field)) {
                return Format.percent(d);
            }
            if (Computed.RELATIVE.equals(c.unit()) && Set.of("change", "lo", "hi").contains(field)) {
                return Format.signedPercent(d);
            }
            if (Set.of("a", "b").contains(field) && c.compare() != null && c.compare().method().startsWith("share")) {
                return Format.percent(d);
            }
            if (field.startsWith("p_")) {
                return Format.p(d);
            }
            if (Computed.PERCENT.equals(c.unit()) && Set.of("lo", "hi").contains(field)) {
                return Format.number(d) + "%";
            }
            return Format.number(d);
        }
        return String.valueOf(v);
    }

    /** FILE:LINE problems for references to figures or fields that do not exist (outside code blocks). */
    static List<String> problems(Brief brief, Map<String, Claim> claims) {
        List<String> out = new ArrayList<>();
        List<String> lines = brief.source().lines().toList();
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (fence == null && (l.startsWith("```") || l.startsWith("~~~"))) {
                fence = l.substring(0, 3);
                continue;
            }
            if (fence != null) {
                if (l.startsWith(fence) && l.replace(fence.substring(0, 1), "").isBlank()) {
                    fence = null;
                }
                continue;
            }
            Matcher m = REF.matcher(lines.get(i));
            while (m.find()) {
                if (resolve(claims, m.group(1), m.group(2)) == null) {
                    Claim c = claims.get(m.group(1));
                    out.add(brief.file() + ":" + (i + 1) + ": reference " + m.group() + ": "
                            + (c == null ? "no figure '" + m.group(1) + "'"
                                    : "figure '" + m.group(1) + "' has no field '" + m.group(2) + "' (fields: value, lo, hi, status, expected, "
                                    + String.join(", ", c.fields().keySet()) + ")"));
                }
            }
        }
        return out;
    }
}
