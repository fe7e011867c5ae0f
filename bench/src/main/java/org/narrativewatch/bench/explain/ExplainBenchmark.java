package org.narrativewatch.bench.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.narrativewatch.explain.ExplainRequest;
import org.narrativewatch.explain.Explainer;
import org.narrativewatch.explain.Explanation;
import org.narrativewatch.explain.names.NameTagger;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;

/**
 * Times {@code explain QUERY --vs rest} in process on an existing index, as a server or a script
 * that asks many questions pays it: one call on a freshly opened engine (cold, after the page cache
 * dropped by the caller), then untimed calls for
 * {@code --warmup-seconds} (JIT), then {@code --repeats} timed calls (warm). Prints one JSON object:
 * wall and CPU milliseconds (CPU summed over threads: robust to other load), the two sides' sizes,
 * the load average before and after.
 *
 * <p>Run by {@code bench/run} (a row per corpus) or by hand:
 * <pre>java -cp bench/target/nwatch-bench.jar:target/nwatch.jar org.narrativewatch.bench.explain.ExplainBenchmark --index DIR --query путин</pre>
 * The caches are dropped by the caller (bench/run does it before the JVM starts), so "cold" is the first call on a freshly
 * opened engine, with an empty page cache when the caller could drop it.
 */
public final class ExplainBenchmark {
    private ExplainBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        Path index = Path.of(required(a, "--index"));
        Query query = Query.parse(a.getOrDefault("--query", "путин"));
        LocalDate from = a.containsKey("--from") ? LocalDate.parse(a.get("--from")) : null;
        LocalDate to = a.containsKey("--to") ? LocalDate.parse(a.get("--to")) : null;
        int repeats = Integer.parseInt(a.getOrDefault("--repeats", "5"));
        double warmupSeconds = Double.parseDouble(a.getOrDefault("--warmup-seconds", "10"));
        Selection window = new Selection(from, to, null, null, null);
        ExplainRequest req = ExplainRequest.of(query, window, null, null);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", query.text());
        out.put("window", (from == null ? "start" : from) + ".." + (to == null ? "end" : to));
        out.put("baseline", "rest");
        out.put("load_before", loadAverage());
        try (LuceneEngine engine = LuceneEngine.open(index)) {
            Explainer explainer = new Explainer(engine, NameTagger.create());
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Explanation first = explainer.explain(req);
            out.put("cold_ms", (System.nanoTime() - t0) / 1e6);
            out.put("cold_cpu_ms", (os.getProcessCpuTime() - c0) / 1e6);
            out.put("target_articles", first.window().articles());
            out.put("baseline_articles", first.baseline().articles());
            out.put("items_tested", first.method().tested());
            long until = System.nanoTime() + (long) (warmupSeconds * 1e9);
            int warmups = 0;
            while (System.nanoTime() < until) {
                explainer.explain(req);
                warmups++;
            }
            out.put("warmup_calls", warmups);
            double[] wall = new double[repeats];
            double[] cpu = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long c = os.getProcessCpuTime();
                long t = System.nanoTime();
                explainer.explain(req);
                wall[i] = (System.nanoTime() - t) / 1e6;
                cpu[i] = (os.getProcessCpuTime() - c) / 1e6;
            }
            out.put("warm_ms", wall);
            out.put("warm_median_ms", median(wall));
            out.put("warm_cpu_median_ms", median(cpu));
            List<String> top = new ArrayList<>();
            first.terms().stream().limit(5).forEach(t -> top.add(t.label()));
            out.put("top_terms", top);
        }
        out.put("load_after", loadAverage());
        out.put("cores", Runtime.getRuntime().availableProcessors());
        System.out.println(new ObjectMapper().writeValueAsString(out));
    }

    private static String required(Map<String, String> a, String k) {
        String v = a.get(k);
        if (v == null) {
            System.err.println("usage: ExplainBenchmark --index DIR [--query Q] [--from D] [--to D] [--repeats N] "
                    + "[--warmup-seconds S]");
            System.exit(2);
        }
        return v;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
