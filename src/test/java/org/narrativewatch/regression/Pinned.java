package org.narrativewatch.regression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pinned-figures file (regressions/*.yaml, as Anserini pins its expected numbers): a tree of named figures,
 * compared leaf by leaf with what this build computes, and written back in update mode. The diff lists every
 * figure that moved, was added or disappeared as {@code path: pinned → now}.
 */
final class Pinned {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Pinned() {}

    /** The figures in {@code file}, or null when it does not exist yet. */
    static JsonNode read(Path file) throws IOException {
        return Files.exists(file) ? YAML.readTree(Files.readString(file, StandardCharsets.UTF_8)) : null;
    }

    static void write(Path file, String header, Map<String, Object> figures) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder out = new StringBuilder();
        header.lines().forEach(l -> out.append("# ").append(l).append('\n'));
        out.append(YAML.writeValueAsString(figures));
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    /** Every leaf that differs between the pinned tree and the computed one, one line each; empty when equal. */
    static List<String> diff(JsonNode pinned, Map<String, Object> now) {
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, String> b = new LinkedHashMap<>();
        flatten("", pinned, a);
        flatten("", YAML.valueToTree(now), b);
        List<String> lines = new ArrayList<>();
        a.forEach((k, v) -> {
            String w = b.get(k);
            if (w == null) {
                lines.add(k + ": " + v + " → (gone)");
            } else if (!w.equals(v)) {
                lines.add(k + ": " + (v.startsWith("[") && w.startsWith("[") ? listChange(v, w) : v + " → " + w));
            }
        });
        b.forEach((k, w) -> {
            if (!a.containsKey(k)) {
                lines.add(k + ": (new) → " + w);
            }
        });
        return lines;
    }

    /** A moved list (change dates, predicted points) as the elements it lost and gained: "−a +b". */
    private static String listChange(String pinned, String now) {
        List<String> a = List.of(pinned.substring(1, pinned.length() - 1).split(", "));
        List<String> b = List.of(now.substring(1, now.length() - 1).split(", "));
        StringBuilder sb = new StringBuilder();
        a.stream().filter(x -> !b.contains(x)).forEach(x -> sb.append(" −").append(x));
        b.stream().filter(x -> !a.contains(x)).forEach(x -> sb.append(" +").append(x));
        return sb.length() == 0 ? pinned + " → " + now + " (order)" : sb.toString().strip();
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n == null || n.isNull()) {
            out.put(prefix, "null");
        } else if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + " / " + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray()) {
            // lists of scalars (change dates, predicted indices) read best as one value
            boolean scalars = true;
            for (JsonNode x : n) {
                scalars &= x.isValueNode();
            }
            if (scalars) {
                List<String> xs = new ArrayList<>();
                n.forEach(x -> xs.add(x.asText()));
                out.put(prefix, xs.toString());
            } else {
                for (int i = 0; i < n.size(); i++) {
                    flatten(prefix + " / " + i, n.get(i), out);
                }
            }
        } else {
            out.put(prefix, n.asText());
        }
    }

    /** {@code x} rounded to {@code decimals} places, as pinned: figures that are computed in floating point. */
    static double round(double x, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(x * f) / f;
    }
}
