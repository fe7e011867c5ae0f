import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.narrativewatch.index.Corpus;
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

/**
 * Imports one file into a fresh embedded index and a fresh OpenSearch index, then times weekly
 * timelines of a few queries in-process (median of 5 after a warm-up), so JVM start-up is not
 * counted. Run by bench/opensearch/run.sh:
 *   java -Xmx4g -cp target/nwatch.jar bench/opensearch/EngineBench.java FILE OPENSEARCH_URL LUCENE_DIR [lucene|opensearch]
 * (the optional last argument runs one engine only).
 */
public class EngineBench {
    static final List<String> QUERIES = List.of("путин", "путин AND (денацификация OR демилитаризация)",
            "переговоры NEAR/5 стамбул", "\"мирные переговоры\"", "санкц*");

    public static void main(String[] args) throws Exception {
        String file = args[0], url = args[1];
        Path dir = Path.of(args[2]);
        if (Files.exists(dir)) {
            throw new IllegalStateException(dir + " exists: give a fresh folder");
        }
        String only = args.length > 3 ? args[3] : "";
        OpenSearchEngine os = OpenSearchEngine.open(url, "nwatch-bench");
        List<Engine> engines = new java.util.ArrayList<>();
        if (!only.equals("opensearch")) {
            engines.add(LuceneEngine.open(dir));
        }
        if (!only.equals("lucene")) {
            os.deleteAll();
            engines.add(os);
        }
        Map<String, Series> seen = new HashMap<>();
        int compared = 0, differing = 0;
        for (Engine e : engines) {
            ImportReport r;
            try (Source src = Sources.open(file, ImportDefaults.none())) {
                r = new Importer(e, 20000, 30, null).run(src);
            }
            System.out.printf("%-10s import: %,d read, %,d added in %.1f s = %,.0f articles/s%n", e.name(),
                    r.read(), r.added(), r.seconds(), r.added() / r.seconds());
            for (String q : QUERIES) {
                Query query = Query.parse(q);
                long matches = Arrays.stream(Corpus.of(e).timeline(query, Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES)
                        .counts()).sum();
                double[] ms = new double[5];
                for (int i = 0; i < ms.length; i++) {
                    long t0 = System.nanoTime();
                    Corpus.of(e).timeline(query, Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("%-10s timeline --by week %-48s %,9d matches  median %8.1f ms%n", e.name(),
                        "'" + q + "'", matches, ms[2]);
                // the same series from the other engine must be equal, bucket by bucket
                for (Bucketing by : Bucketing.values()) {
                    Series mine = Corpus.of(e).timeline(query, Selection.ALL, by, Engine.CountUnit.ARTICLES);
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
            System.out.printf("timelines compared between the engines (day, week, month): %d, differing: %d%n",
                    compared, differing);
        }
        for (Engine e : engines) {
            e.close();
        }
    }
}
