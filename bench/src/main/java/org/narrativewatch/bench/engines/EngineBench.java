package org.narrativewatch.bench.engines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.bench.BenchException;
import org.narrativewatch.bench.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.index.opensearch.OpenSearchEngine;
import org.narrativewatch.ingest.ImportDefaults;
import org.narrativewatch.ingest.ImportReport;
import org.narrativewatch.ingest.Importer;
import org.narrativewatch.ingest.Source;
import org.narrativewatch.ingest.Sources;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Imports one corpus into a fresh embedded index and a fresh OpenSearch index, then times weekly timelines
 * of a few queries in process (median of 5 after one untimed call), so JVM start-up is not counted, and
 * checks that both engines give equal series (docs/scale-out.md). With {@code --times N} the corpus is
 * repeated N times, copies under new ids and URLs, written to the scratch folder (never into the repository).
 */
@Command(name = "engines", mixinStandardHelpOptions = true,
        description = {"Embedded engine vs OpenSearch engine: import, timelines, equal series.",
                "Needs a node (bash .ci/setup-opensearch.sh)."})
public final class EngineBench implements Callable<Integer> {
    static final List<String> QUERIES = List.of("путин", "путин AND (денацификация OR демилитаризация)",
            "переговоры NEAR/5 стамбул", "\"мирные переговоры\"", "санкц*");

    @Parameters(index = "0", paramLabel = "FILE", defaultValue = "../shared/data/news/1tv_ru.jsonl.gz",
            description = "News JSONL(.gz) (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--times", defaultValue = "1", description = "Repeat the corpus N times (N = 10: the 1.45M run).")
    int times;

    @Option(names = "--url", defaultValue = "${env:NWATCH_OPENSEARCH_URL:-http://127.0.0.1:9200}",
            description = "OpenSearch node (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--work", defaultValue = "${env:BENCH_TMP:-/tmp/nwatch-bench}",
            description = "Scratch folder for the repeated corpus and the embedded index (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--only", description = "One engine only: lucene or opensearch.")
    String only;

    @Override
    public Integer call() throws Exception {
        if (only != null && !only.equals("lucene") && !only.equals("opensearch")) {
            throw new BenchException("--only must be lucene or opensearch, not '" + only + "'");
        }
        Files.createDirectories(work);
        Path input = file;
        if (times > 1) {
            input = work.resolve("1tv_x" + times + ".jsonl");
            if (!Files.isRegularFile(input)) {
                System.err.println("writing " + input);
                input = Corpus.multiplied("1tv_x" + times, file, times, work).file();
            }
        }
        Path dir = work.resolve("lucene-index");
        Corpus.deleteTree(dir);
        System.out.printf(Locale.ROOT, "%s: %d cores; node heap: see .ci/setup-opensearch.sh%n", input,
                Runtime.getRuntime().availableProcessors());
        List<Engine> engines = new ArrayList<>();
        if (!"opensearch".equals(only)) {
            engines.add(LuceneEngine.open(dir));
        }
        if (!"lucene".equals(only)) {
            OpenSearchEngine os = OpenSearchEngine.open(url, "nwatch-bench");
            os.deleteAll();
            engines.add(os);
        }
        Map<String, Series> seen = new HashMap<>();
        int compared = 0, differing = 0;
        for (Engine e : engines) {
            ImportReport r;
            try (Source src = Sources.open(input.toString(), ImportDefaults.none())) {
                r = new Importer(e, 20000, 30, null).run(src);
            }
            System.out.printf(Locale.ROOT, "%-10s import: %,d read, %,d added in %.1f s = %,.0f articles/s%n", e.name(),
                    r.read(), r.added(), r.seconds(), r.added() / r.seconds());
            for (String q : QUERIES) {
                Query query = Query.parse(q);
                long matches = Arrays.stream(org.narrativewatch.index.Corpus.of(e).timeline(query, Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES)
                        .counts()).sum();
                double[] ms = new double[5];
                for (int i = 0; i < ms.length; i++) {
                    long t0 = System.nanoTime();
                    org.narrativewatch.index.Corpus.of(e).timeline(query, Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT, "%-10s timeline --by week %-48s %,9d matches  median %8.1f ms%n",
                        e.name(), "'" + q + "'", matches, ms[2]);
                // the same series from the other engine must be equal, bucket by bucket
                for (Bucketing by : Bucketing.values()) {
                    Series mine = org.narrativewatch.index.Corpus.of(e).timeline(query, Selection.ALL, by, Engine.CountUnit.ARTICLES);
                    Series other = seen.put(q + "|" + by, mine);
                    if (other != null) {
                        compared++;
                        if (!other.buckets().equals(mine.buckets())) {
                            differing++;
                            System.out.println("DIFFERENT: " + q + " by " + by);
                        }
                    }
                }
            }
        }
        if (compared > 0) {
            System.out.printf(Locale.ROOT, "timelines compared between the engines (day, week, month): %d, differing: %d%n",
                    compared, differing);
        }
        for (Engine e : engines) {
            e.close();
        }
        return differing == 0 ? 0 : 1;
    }
}
