package org.narrativewatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;
import org.narrativewatch.timeline.SeriesFormat;

/** The layer above the engines: partial buckets, one counting pass per breakdown, the snapshot, no downcasts. */
class CorpusTest {

    @TempDir
    Path tmp;

    static Article a(String outlet, String group, String date, String text) {
        return new Article("https://t.example/" + outlet + "/" + date + "/" + text.hashCode(), outlet, group,
                OffsetDateTime.parse(date + "T12:00:00Z"), DateQuality.EXACT, "ru", "", text, null);
    }

    /** Wednesday 5 January 2022 to Thursday 10 February 2022. */
    static final List<Article> SMALL = List.of(
            a("a.example", "state", "2022-01-05", "путин заявил"),
            a("a.example", "state", "2022-01-20", "переговоры"),
            a("b.example", "independent", "2022-01-20", "путин и переговоры"),
            a("b.example", "independent", "2022-02-10", "снова путин"));

    List<Engine> engines() throws IOException {
        List<Engine> out = List.of(LuceneEngine.open(tmp.resolve("idx")), new InMemoryEngine());
        for (Engine e : out) {
            for (Article x : SMALL) {
                e.add(x);
            }
            e.commit(Map.of());
        }
        return out;
    }

    static List<String> days(Series s) {
        List<String> out = new ArrayList<>();
        for (Bucket b : s.buckets()) {
            out.add(b.start() + ":" + b.days() + (b.partial() ? "p" : ""));
        }
        return out;
    }

    @Test
    void bucketsCutByTheCorpusOrTheRangeArePartial() throws IOException {
        Query q = Query.parse("путин");
        for (Engine e : engines()) {
            try (e) {
                Corpus c = Corpus.of(e);
                // the corpus' first week starts on a Wednesday, its last ends on a Thursday
                assertEquals(List.of("2022-01-03:5p", "2022-01-10:7", "2022-01-17:7", "2022-01-24:7", "2022-01-31:7",
                        "2022-02-07:4p"), days(c.timeline(q, Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES)), e.name());
                assertEquals(List.of("2022-01-01:27p", "2022-02-01:10p"),
                        days(c.timeline(q, Selection.ALL, Bucketing.MONTH, Engine.CountUnit.ARTICLES)), e.name());
                // a range from a Saturday before the corpus is bounded by the corpus: no bucket lies wholly outside it
                Selection early = Selection.ALL.withDates(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 19));
                assertEquals(List.of("2022-01-03:5p", "2022-01-10:7", "2022-01-17:3p"),
                        days(c.timeline(q, early, Bucketing.WEEK, Engine.CountUnit.ARTICLES)), e.name());
                // whole weeks inside the corpus are whole; single days are never cut
                Selection weeks = Selection.ALL.withDates(LocalDate.of(2022, 1, 10), LocalDate.of(2022, 1, 23));
                assertEquals(List.of("2022-01-10:7", "2022-01-17:7"),
                        days(c.timeline(q, weeks, Bucketing.WEEK, Engine.CountUnit.ARTICLES)), e.name());
                Series byDay = c.timeline(q, Selection.ALL, Bucketing.DAY, Engine.CountUnit.ARTICLES);
                assertTrue(byDay.buckets().stream().allMatch(b -> b.days() == 1 && !b.partial()), e.name());
                // every breakdown series has the same coverage as the whole timeline
                for (Series s : c.breakdown(q, Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES, Engine.Facet.OUTLET).values()) {
                    assertEquals(List.of("2022-01-03:5p", "2022-01-10:7", "2022-01-17:7", "2022-01-24:7", "2022-01-31:7",
                            "2022-02-07:4p"), days(s), e.name());
                }
            }
        }
    }

    @Test
    void theWireFormatsCarryDaysAndPartial() throws IOException {
        try (LuceneEngine e = LuceneEngine.open(tmp.resolve("idx"))) {
            for (Article x : SMALL) {
                e.add(x);
            }
            e.commit(Map.of());
            Series s = Corpus.of(e).timeline(Query.parse("путин"), Selection.ALL, Bucketing.MONTH, Engine.CountUnit.ARTICLES);
            JsonNode first = SeriesFormat.toJson(s, Map.of()).path("buckets").get(0);
            assertEquals("2022-01-01", first.path("start").asText());
            assertEquals(2, first.path("count").asLong());
            assertEquals(3, first.path("total").asLong());
            assertEquals(27, first.path("days").asInt());
            assertTrue(first.path("partial").asBoolean());
            assertTrue(first.has("share") && first.has("gap"), "the existing fields stay");
            String csv = SeriesFormat.toCsv(s, Map.of());
            assertTrue(csv.contains("\nstart,count,total,share,gap,days,partial\n"), csv);
            assertTrue(csv.contains("\n2022-01-01,2,3,0.666667,false,27,true\n"), csv);
            assertTrue(csv.contains("\n2022-02-01,1,1,1.000000,false,10,true\n"), csv);
        }
    }

    /** Counts the calls the layer makes to an engine. */
    static final class CountingEngine implements Engine {
        final Engine inner;
        final AtomicInteger dayCounts = new AtomicInteger();

        CountingEngine(Engine inner) {
            this.inner = inner;
        }

        @Override public String name() { return inner.name(); }
        @Override public AddOutcome add(Article a) throws IOException { return inner.add(a); }
        @Override public void commit(Map<String, String> c) throws IOException { inner.commit(c); }
        @Override public Map<String, String> checkpoint() throws IOException { return inner.checkpoint(); }
        @Override public DayCounts dayCounts(Query q, Selection s, CountUnit u, Facet f) throws IOException {
            dayCounts.incrementAndGet();
            return inner.dayCounts(q, s, u, f);
        }
        @Override public Hits search(Query q, Selection s, int l, HitOrder o) throws IOException { return inner.search(q, s, l, o); }
        @Override public CorpusFacts facts() throws IOException { return inner.facts(); }
        @Override public Snapshot snapshot() throws IOException { return inner.snapshot(); }
        @Override public void close() throws IOException { inner.close(); }
    }

    @Test
    void aBreakdownIsOneCountingPassWhateverTheNumberOfValues() throws IOException {
        for (Engine e : engines()) {
            try (CountingEngine counting = new CountingEngine(e)) {
                Map<String, Series> byOutlet = Corpus.of(counting).breakdown(Query.parse("путин"), Selection.ALL, Bucketing.WEEK,
                        Engine.CountUnit.STORIES, Engine.Facet.OUTLET);
                assertEquals(List.of("a.example", "b.example"), List.copyOf(byOutlet.keySet()), e.name());
                assertEquals(1, counting.dayCounts.get(), e.name() + ": one dayCounts call for " + byOutlet.size() + " outlets");
                assertEquals(List.of(1L, 2L), byOutlet.values().stream().map(s -> sum(s.counts())).toList(), e.name());
            }
        }
    }

    static long sum(long[] xs) {
        long s = 0;
        for (long x : xs) {
            s += x;
        }
        return s;
    }

    @Test
    void everyEngineGivesItsSnapshot() throws IOException {
        for (Engine e : engines()) {
            try (e) {
                Snapshot s = e.snapshot();
                assertEquals(List.of(e.name(), 4L, LocalDate.of(2022, 1, 5), LocalDate.of(2022, 2, 10)),
                        List.of(s.engine(), s.articles(), s.from(), s.to()));
                e.add(a("c.example", null, "2022-03-01", "новое"));
                e.commit(Map.of());
                Snapshot later = e.snapshot();
                assertEquals(5, later.articles());
                assertEquals(LocalDate.of(2022, 3, 1), later.to());
                assertTrue(later.version() > s.version(), e.name() + ": " + s + " then " + later);
                CorpusStats stats = Corpus.of(e).stats();
                assertEquals(later.label(), stats.snapshot());
                assertEquals(Map.of("state", 2L, "independent", 2L, "(none)", 1L), stats.byGroup());
            }
        }
        try (InMemoryEngine empty = new InMemoryEngine()) {
            Snapshot s = empty.snapshot();
            assertEquals(0, s.articles());
            assertNull(s.from());
            assertEquals(List.of(), Corpus.of(empty).timeline(Query.parse("путин"), Selection.ALL, Bucketing.WEEK,
                    Engine.CountUnit.ARTICLES).buckets());
        }
    }

    @Test
    void noCodeDowncastsAnEngine() throws IOException {
        // the seam holds only if nothing asks which engine it has: no instanceof or cast to an engine class
        Path src = Path.of("src/main/java");
        assertTrue(Files.isDirectory(src), "run from the project folder");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                if (text.matches("(?s).*(instanceof\\s+(LuceneEngine|OpenSearchEngine)|\\((LuceneEngine|OpenSearchEngine)\\)\\s*\\w).*")) {
                    found.add(src.relativize(f).toString());
                }
            }
        }
        assertEquals(List.of(), found, "engine downcasts");
    }
}
