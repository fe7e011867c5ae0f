package org.narrativewatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code explain путин --vs rest} on a corpus's index (the articles the one-word workload matches against all
 * the others), timed by {@code org.narrativewatch.bench.explain.ExplainBenchmark} in its own JVM after the page
 * cache is dropped: a warm and a cold row. Target (issue 17): under 2 s warm on the ×10 corpus.
 */
final class ExplainRows {
    private ExplainRows() {}

    static final String HARNESS = "org.narrativewatch.bench.explain.ExplainBenchmark";
    static final String QUERY = "путин";

    static List<Row> run(String corpus, Path index, String classPath, int repeats, Caches caches) throws IOException {
        caches.drop();
        List<String> cmd = List.of("java", "-Xmx4g", "-cp", classPath, HARNESS, "--index", index.toString(), "--query", QUERY,
                "--repeats", Integer.toString(repeats), "--warmup-seconds", "5");
        Exec.Result r = Exec.run(cmd).check(cmd);
        JsonNode j = new ObjectMapper().readTree(r.out().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no JSON from " + HARNESS + ":\n" + r.out() + r.err())));
        double nan = Double.NaN;
        long target = j.path("target_articles").asLong();
        String note = String.format(Locale.ROOT, "`nwatch explain %s --vs rest` in process: %,d articles vs %,d, %,d items "
                + "tested; warm CPU %.0f ms (all threads, median of %d); load %s → %s%s", QUERY, target,
                j.path("baseline_articles").asLong(), j.path("items_tested").asLong(), j.path("warm_cpu_median_ms").asDouble(),
                repeats, j.path("load_before").asText(), j.path("load_after").asText(),
                corpus.equals("1tv-x10") ? " (target: under 2 s warm)" : "");
        return List.of(
                new Row(corpus, "explain: word vs rest — warm median", "ms", Row.Better.LOWER, j.path("warm_median_ms").asDouble(),
                        nan, nan, nan, target, null, null, note),
                new Row(corpus, "explain: word vs rest — cold", "ms", Row.Better.LOWER, j.path("cold_ms").asDouble(), nan, nan, nan,
                        null, null, null, String.format(Locale.ROOT, "first call on a freshly opened engine, CPU %.0f ms",
                        j.path("cold_cpu_ms").asDouble())));
    }
}
