package org.narrativewatch;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The small rules every wire format shares ({@code *Format} beside each result type): a CSV cell quoted as RFC 4180
 * says, a header comment kept on one line, a figure that does not exist written as JSON null (JSON has no NaN).
 */
public final class Wire {
    private Wire() {}

    /** A CSV cell: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
    public static String csvCell(String s) {
        if (s == null) {
            return "";
        }
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Text for a {@code #} header comment: line breaks become spaces. */
    public static String oneLine(String s) {
        return s == null ? "null" : s.replaceAll("[\\r\\n]+", " ");
    }

    /** {@code v} under {@code field}, or null when it is not a finite number. */
    public static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
