package org.narrativewatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * A reading engine keeps compiled queries, cost estimates and per-day totals with its reader, checks for
 * a newer commit by listing the folder, and moves from buffered reads to the memory map after its first
 * call: none of it may ever answer from before the last commit, whoever made it (this process's own
 * engine, another engine in this process, another process), nor differ between the two readers.
 */
class ReaderFreshnessTest {

    @TempDir
    Path tmp;

    static Article a(int i, String date, String text) {
        return new Article("https://f.example/" + i, "f.example", null, OffsetDateTime.parse(date + "T12:00:00Z"),
                DateQuality.EXACT, "ru", "", text, null);
    }

    /** The questions whose answers change with each batch: a word, a prefix (expanded from the index), a phrase, NEAR, AND/OR. */
    static final List<String> QUERIES = List.of("путин", "зеленск*", "\"мирные переговоры\"", "путин NEAR/3 зеленский",
            "путин AND (переговоры OR встреча)");

    /** Batch k (1, 2, 3, ...) adds articles on a new day; the words of batch k appear k times. */
    static List<Article> batch(int k) {
        List<Article> out = new ArrayList<>();
        String day = "2022-03-0" + k;
        for (int i = 0; i < k; i++) {
            out.add(a(k * 100 + i, day, "Путин и Зеленский: мирные переговоры, встреча " + (k == 1 ? "зеленского" : "зеленскому")));
            out.add(a(k * 100 + 50 + i, day, "погода"));
        }
        return out;
    }

    /** What every query answers after batches 1..k: counts per day, totals per day, search totals. */
    static String expected(int k) {
        StringBuilder b = new StringBuilder();
        for (String q : QUERIES) {
            b.append(q).append(':');
            for (int d = 1; d <= k; d++) {
                b.append(' ').append(d).append('/').append(2 * d);
            }
            b.append(" total ").append(k * (k + 1) / 2).append('\n');
        }
        return b.toString();
    }

    static String answers(Engine e) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String q : QUERIES) {
            Series s = Corpus.of(e).timeline(Query.parse(q), Selection.ALL, Bucketing.DAY, Engine.CountUnit.ARTICLES);
            b.append(q).append(':');
            int d = 0;
            for (Bucket x : s.buckets()) {
                d++;
                b.append(' ').append(x.count()).append('/').append(x.total());
            }
            b.append(" total ").append(e.search(Query.parse(q), Selection.ALL, 5, Engine.HitOrder.NEWEST).total()).append('\n');
        }
        return b.toString();
    }

    static void write(Path index, int k) throws IOException {
        try (LuceneEngine w = LuceneEngine.open(index)) {
            for (Article x : batch(k)) {
                w.add(x);
            }
            w.commit(Map.of());
        }
    }

    /** Asks until the engine reads through the memory map (it opens in the background from the second call on). */
    static void untilMapped(LuceneEngine r) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!r.readsMapped() && System.nanoTime() < until) {
            answers(r);
            Thread.sleep(10);
        }
        assertTrue(r.readsMapped(), "the reader never moved to the memory map");
    }

    @Test
    void anotherEngineCommitIsSeenAtOnceBeforeAndAfterTheMappedReader() throws Exception {
        Path index = tmp.resolve("idx");
        write(index, 1);
        try (LuceneEngine r = LuceneEngine.open(index)) {
            assertEquals(expected(1), answers(r));
            write(index, 2);
            // buffered reader, caches filled for the old commit
            assertEquals(expected(2), answers(r));
            untilMapped(r);
            assertEquals(expected(2), answers(r));
            write(index, 3);
            assertEquals(expected(3), answers(r));
            assertEquals(expected(3), answers(r));
        }
    }

    @Test
    void aCommitWhileTheMappedReaderOpensIsNotLost() throws Exception {
        Path index = tmp.resolve("idx");
        write(index, 1);
        try (LuceneEngine r = LuceneEngine.open(index)) {
            assertEquals(expected(1), answers(r)); // call 1..: the second call starts opening the mapped reader
            write(index, 2);
            for (int i = 0; i < 20; i++) {
                assertEquals(expected(2), answers(r));
            }
            untilMapped(r);
            assertEquals(expected(2), answers(r));
        }
    }

    @Test
    void ownCommitsAreSeen() throws Exception {
        try (LuceneEngine e = LuceneEngine.open(tmp.resolve("idx"))) {
            for (int k = 1; k <= 3; k++) {
                for (Article x : batch(k)) {
                    e.add(x);
                }
                e.commit(Map.of());
                assertEquals(expected(k), answers(e));
                assertEquals(expected(k), answers(e));
            }
        }
    }

    @Test
    void anotherProcessCommitIsSeenAtOnce() throws Exception {
        Path index = tmp.resolve("idx");
        write(index, 1);
        try (LuceneEngine r = LuceneEngine.open(index)) {
            assertEquals(expected(1), answers(r));
            untilMapped(r);
            for (int k = 2; k <= 3; k++) {
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), Writer.class.getName(), index.toString(),
                        String.valueOf(k)).inheritIO().start();
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), "writer process did not finish");
                assertEquals(0, p.exitValue());
                assertEquals(expected(k), answers(r));
            }
        }
    }

    /** The other process: adds batch k and commits. */
    public static final class Writer {
        public static void main(String[] args) throws IOException {
            write(Path.of(args[0]), Integer.parseInt(args[1]));
        }
    }
}
