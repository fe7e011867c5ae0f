package org.narrativewatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StandardDirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * The per-day totals written beside each commit ({@link DayTotals}) are exactly the commit's articles per
 * day; a reading engine's timelines give the same totals with the file, without it, with a damaged one, and
 * with a selection the file does not cover (outlets), for the whole corpus and for a date range.
 */
class DayTotalsTest {

    @TempDir
    Path tmp;

    static final LocalDate START = LocalDate.of(2021, 12, 20);

    /** {@code n} articles over 60 days (some days empty), two outlets, one in three mentioning путин. */
    static List<Article> corpus(int n, long seed) {
        Random r = new Random(seed);
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate day = START.plusDays(r.nextInt(30) * 2L);
            String outlet = r.nextBoolean() ? "a.example" : "b.example";
            out.add(new Article("https://" + outlet + "/" + seed + "/" + i, outlet, null,
                    OffsetDateTime.parse(day + "T10:00:00Z"), DateQuality.EXACT, "ru", "",
                    i % 3 == 0 ? "Путин сказал" : "погода", null));
        }
        return out;
    }

    /** Commits every {@code every} articles: several segments, some merged. */
    static void write(Path index, List<Article> articles, int every) throws IOException {
        try (LuceneEngine w = LuceneEngine.open(index)) {
            for (int i = 0; i < articles.size(); i++) {
                w.add(articles.get(i));
                if ((i + 1) % every == 0 || i == articles.size() - 1) {
                    w.commit(Map.of());
                }
            }
        }
    }

    /** Articles per day of {@code articles} matching the selection's outlets and days, by brute force. */
    static Map<LocalDate, Long> expected(List<Article> articles, Selection sel) {
        Map<LocalDate, Long> m = new TreeMap<>();
        for (Article a : articles) {
            LocalDate d = a.published().toLocalDate();
            if ((sel.outlets().isEmpty() || sel.outlets().contains(a.outlet()))
                    && (sel.from() == null || !d.isBefore(sel.from())) && (sel.to() == null || !d.isAfter(sel.to()))) {
                m.merge(d, 1L, Long::sum);
            }
        }
        return m;
    }

    static Map<LocalDate, Long> totals(Engine e, Selection sel) throws IOException {
        Series s = Corpus.of(e).timeline(Query.parse("путин"), sel, Bucketing.DAY, Engine.CountUnit.ARTICLES);
        Map<LocalDate, Long> m = new TreeMap<>();
        for (Bucket b : s.buckets()) {
            if (b.total() > 0) {
                m.put(b.start(), b.total());
            }
        }
        return m;
    }

    static final List<Selection> SELECTIONS = List.of(Selection.ALL,
            Selection.ALL.withDates(START.plusDays(7), START.plusDays(40)),
            Selection.ALL.withDates(START.minusDays(30), START.plusDays(3)),
            Selection.ALL.withOutlets(Set.of("a.example")));

    static void assertTotals(Path index, List<Article> articles) throws IOException {
        try (LuceneEngine e = LuceneEngine.open(index)) {
            for (Selection sel : SELECTIONS) {
                assertEquals(expected(articles, sel), totals(e, sel), sel.toString());
            }
        }
    }

    static List<String> totalsFiles(Path index) throws IOException {
        try (Stream<Path> s = Files.list(index)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(DayTotals.PREFIX)).sorted().toList();
        }
    }

    @Test
    void theFileHoldsExactlyTheLastCommitsArticlesPerDay() throws IOException {
        Path index = tmp.resolve("idx");
        List<Article> articles = corpus(700, 1);
        write(index, articles, 37);
        try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            SegmentInfos commit = ((StandardDirectoryReader) r).getSegmentInfos();
            assertEquals(List.of(DayTotals.fileName(commit.getGeneration())), totalsFiles(index), "only the last commit's file stays");
            DayTotals.Counts c = DayTotals.read(dir, commit, r.numDocs());
            assertNotNull(c);
            Map<LocalDate, Long> fromFile = new TreeMap<>();
            for (int i = 0; i < c.perDay().length; i++) {
                if (c.perDay()[i] > 0) {
                    fromFile.put(LocalDate.ofEpochDay(c.firstDay() + i), c.perDay()[i]);
                }
            }
            assertEquals(expected(articles, Selection.ALL), fromFile);
            assertNull(DayTotals.read(dir, commit, r.numDocs() + 1), "counts of another document count are not used");
        }
        assertTotals(index, articles);
    }

    @Test
    void aLaterCommitReplacesTheFileAndReadersFollow() throws IOException {
        Path index = tmp.resolve("idx");
        List<Article> first = corpus(200, 2);
        write(index, first, 50);
        try (LuceneEngine e = LuceneEngine.open(index)) {
            assertEquals(expected(first, Selection.ALL), totals(e, Selection.ALL));
            List<Article> all = new ArrayList<>(first);
            List<Article> more = corpus(150, 3);
            all.addAll(more);
            write(index, more, 40);
            assertEquals(expected(all, Selection.ALL), totals(e, Selection.ALL), "the open engine sees the new commit's totals");
            assertEquals(1, totalsFiles(index).size());
            assertTotals(index, all);
        }
    }

    @Test
    void withoutTheFileOrWithADamagedOneTheTotalsAreCountedAndTheSame() throws IOException {
        Path index = tmp.resolve("idx");
        List<Article> articles = corpus(300, 4);
        write(index, articles, 60);
        Path file = index.resolve(totalsFiles(index).get(0));
        byte[] good = Files.readAllBytes(file);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x5a;
        Files.write(file, bad);
        assertTotals(index, articles);
        Files.write(file, new byte[] {1, 2, 3});
        assertTotals(index, articles);
        Files.delete(file);
        assertTotals(index, articles);
        Files.write(file, good);
        assertTotals(index, articles);
    }

    @Test
    void aFileOfAnotherIndexWithTheSameGenerationIsNotUsed() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        List<Article> one = corpus(120, 5);
        List<Article> other = corpus(120, 6);
        write(a, one, 40);
        write(b, other, 40);
        String name = totalsFiles(a).get(0);
        assertEquals(List.of(name), totalsFiles(b), "same number of commits, same generation");
        Files.copy(a.resolve(name), b.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Directory dir = FSDirectory.open(b); DirectoryReader r = DirectoryReader.open(dir)) {
            assertNull(DayTotals.read(dir, ((StandardDirectoryReader) r).getSegmentInfos(), r.numDocs()));
        }
        assertTotals(b, other);
    }

    @Test
    void aWritingEngineCountsItsOwnUncommittedArticles() throws IOException {
        Path index = tmp.resolve("idx");
        List<Article> articles = corpus(100, 7);
        try (LuceneEngine e = LuceneEngine.open(index)) {
            for (Article x : articles.subList(0, 60)) {
                e.add(x);
            }
            e.commit(Map.of());
            for (Article x : articles.subList(60, 100)) {
                e.add(x);
            }
            assertEquals(expected(articles, Selection.ALL), totals(e, Selection.ALL));
        }
    }
}
