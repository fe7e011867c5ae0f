package org.narrativewatch.shift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.narrativewatch.UserException;

/**
 * The benchmark's published per-series F1 and cover of other methods ({@code published_scores*.json}
 * beside the datasets: {@code default_f1}, {@code default_cover}, {@code oracle_f1}, {@code oracle_cover},
 * each series → method → score, null = failed and counted as 0), to print beside ours.
 */
public record PublishedScores(Map<String, Map<String, Map<String, Double>>> tables) {

    /** Methods shown by default beside ours. */
    public static final List<String> SHOWN = List.of("binseg", "pelt", "bocpd", "amoc", "zero");

    /** The first published_scores*.json in {@code dir}, or null when there is none. */
    public static PublishedScores find(Path dir) {
        Path file;
        try (var s = Files.list(dir)) {
            file = s.filter(p -> p.getFileName().toString().startsWith("published_scores") && p.toString().endsWith(".json"))
                    .sorted().findFirst().orElse(null);
        } catch (IOException e) {
            throw new UserException(dir + ": " + e.getMessage(), e);
        }
        if (file == null) {
            return null;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UserException(file + ": cannot read JSON: " + e.getMessage(), e);
        }
        Map<String, Map<String, Map<String, Double>>> tables = new LinkedHashMap<>();
        for (String key : List.of("default_f1", "default_cover", "oracle_f1", "oracle_cover")) {
            JsonNode t = root.get(key);
            if (t == null || !t.isObject()) {
                continue;
            }
            Map<String, Map<String, Double>> bySeries = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Map<String, Double> byMethod = new LinkedHashMap<>();
                e.getValue().fields().forEachRemaining(m -> byMethod.put(m.getKey(), m.getValue().isNumber() ? m.getValue().asDouble() : 0.0));
                bySeries.put(e.getKey(), byMethod);
            }
            tables.put(key, bySeries);
        }
        return new PublishedScores(tables);
    }

    /** A method's score on a series (0 when failed or absent, as the benchmark counts it). */
    public double score(String table, String series, String method) {
        Map<String, Map<String, Double>> t = tables.get(table);
        if (t == null || !t.containsKey(series)) {
            return Double.NaN;
        }
        return t.get(series).getOrDefault(method, 0.0);
    }

    /** The mean of a method's scores over the given series. */
    public double mean(String table, List<String> series, String method) {
        double s = 0;
        for (String name : series) {
            double v = score(table, name, method);
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            s += v;
        }
        return series.isEmpty() ? Double.NaN : s / series.size();
    }

    /** Every method named in a table. */
    public List<String> methods(String table) {
        TreeSet<String> m = new TreeSet<>();
        tables.getOrDefault(table, Map.of()).values().forEach(x -> m.addAll(x.keySet()));
        return List.copyOf(m);
    }
}
