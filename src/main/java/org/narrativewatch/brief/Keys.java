package org.narrativewatch.brief;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.narrativewatch.UserException;

/**
 * Typed reading of a figure's kind body (or a nested object of it) with errors that name FILE:LINE, the figure and
 * the key: "briefs/x.md:14: figure 'spike': media.from: '2025-13-01' is not a date (YYYY-MM-DD)".
 */
final class Keys {
    final FigureSpec figure;
    final JsonNode node;
    final String path;
    final String file;

    Keys(FigureSpec figure, JsonNode node, String path, String file) {
        this.figure = figure;
        this.node = node;
        this.path = path;
        this.file = file;
    }

    /** The prefix of a message about {@code key}: "FILE:LINE: figure 'id': path.key: ". */
    String at(String key) {
        return file + ":" + figure.lineOf(key) + ": figure '" + figure.id() + "': " + path + (key == null ? "" : "." + key) + ": ";
    }

    /** The prefix of a message about the figure as a whole. */
    String at() {
        return file + ":" + figure.line() + ": figure '" + figure.id() + "': ";
    }

    UserException error(String key, String message) {
        return new UserException(at(key) + message);
    }

    void allow(Set<String> keys) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) {
                throw new UserException(file + ":" + figure.lineOf(k) + ": figure '" + figure.id() + "': unknown key '" + k
                        + "' in " + path + " (allowed: " + keys.stream().sorted().toList() + ")");
            }
        }
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    String text(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw error(key, "expected a single value");
        }
        return v.asText().strip();
    }

    String required(String key, String hint) {
        String v = text(key);
        if (v == null || v.isEmpty()) {
            throw new UserException(at(key).replaceFirst("\\." + java.util.regex.Pattern.quote(key) + ": $", ": ") + "needs '" + key + "'" + (hint == null ? "" : " (" + hint + ")"));
        }
        return v;
    }

    String oneOf(String key, String dflt, String... allowed) {
        String v = text(key);
        if (v == null) {
            return dflt;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        throw error(key, "must be " + String.join(", ", allowed) + ", not '" + v + "'");
    }

    LocalDate date(String key) {
        String v = text(key);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (java.time.DateTimeException e) {
            throw error(key, "'" + v + "' is not a date (YYYY-MM-DD)");
        }
    }

    double number(String key, double dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText().strip());
        } catch (NumberFormatException e) {
            throw error(key, "'" + v.asText() + "' is not a number");
        }
    }

    int integer(String key, int dflt, int min, int max) {
        double d = number(key, dflt);
        if (d != Math.rint(d) || d < min || d > max) {
            throw error(key, "must be a whole number in " + min + ".." + max + ", not " + node.get(key).asText());
        }
        return (int) d;
    }

    boolean bool(String key, boolean dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        throw error(key, "must be true or false");
    }

    /** A list of strings, written as a YAML list or a single value (or comma-separated). */
    List<String> list(String key) {
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asText().strip()));
        } else if (v.isValueNode()) {
            for (String s : v.asText().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        } else {
            throw error(key, "expected a list");
        }
        return out;
    }

    Keys object(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw error(key, "must hold keys");
        }
        return new Keys(figure, v, path + "." + key, file);
    }

    /** A date window written "FROM..TO" (either end may be a date; both required). */
    LocalDate[] window(String key) {
        String v = text(key);
        if (v == null) {
            throw new UserException(at(key) + "missing (write FROM..TO, e.g. 2025-07-01..2025-08-31)");
        }
        String[] parts = v.split("\\.\\.", -1);
        if (parts.length != 2) {
            throw error(key, "'" + v + "' is not a window FROM..TO (e.g. 2025-07-01..2025-08-31)");
        }
        try {
            LocalDate a = LocalDate.parse(parts[0].strip());
            LocalDate b = LocalDate.parse(parts[1].strip());
            if (b.isBefore(a)) {
                throw error(key, "window " + v + " ends before it starts");
            }
            return new LocalDate[] {a, b};
        } catch (java.time.DateTimeException e) {
            throw error(key, "'" + v + "' is not a window FROM..TO of dates YYYY-MM-DD");
        }
    }
}
