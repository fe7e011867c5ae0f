package org.narrativewatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Snapshot;
import picocli.CommandLine;

/** Repeated measurements (median, range, blocks, paired ratios) and the check of a kept index before --reuse. */
class RepeatsAndReuseTest {

    @TempDir
    Path tmp;

    @Test
    void spreadIsMedianMinMaxAndCount() {
        Spread s = Spread.of(List.of(186.0, 137.0, 150.0, 469.0, 158.0));
        assertEquals(158.0, s.median());
        assertEquals(137.0, s.min());
        assertEquals(469.0, s.max());
        assertEquals(5, s.n());
        assertEquals("137–469", s.range());
        Spread even = Spread.of(List.of(4.0, 1.0, 2.0, 3.0));
        assertEquals(2.5, even.median());
        assertEquals("1.00–4.00", even.range());
        assertEquals("3.00", Spread.of(List.of(3.0)).range(), "one value, no range");
        Spread gaps = Spread.of(List.of(Double.NaN, 2.0));
        assertEquals(1, gaps.n(), "a figure not measured is not a measurement");
        assertEquals(0, Spread.of(List.of()).n());
        assertEquals("–", Spread.NONE.range());
        assertTrue(Double.isNaN(Spread.NONE.median()));
    }

    @Test
    void pairedRatiosComparePairsMeasuredSideBySide() {
        // ours 100, 200 ms and PostgreSQL 50, 300 ms: PG/ours per pair = 0.5 and 1.5, whatever the medians say
        Spread latency = Spread.pairedRatios(List.of(100.0, 200.0), List.of(50.0, 300.0), Row.Better.LOWER);
        assertEquals(0.5, latency.min(), 1e-12);
        assertEquals(1.5, latency.max(), 1e-12);
        assertEquals("1.00× (0.50–1.50)", latency.ratioSummary());
        assertEquals(1.0, latency.median(), 1e-12, "the median of the pairs' ratios, not a ratio of medians");
        Spread rate = Spread.pairedRatios(List.of(3000.0), List.of(1000.0), Row.Better.HIGHER);
        assertEquals(3.0, rate.median(), 1e-12);
        assertEquals(0, Spread.pairedRatios(List.of(1.0), List.of(), Row.Better.LOWER).n(), "no pair, no ratio");
        assertEquals(0, Spread.pairedRatios(List.of(Double.NaN), List.of(2.0), Row.Better.LOWER).n());
    }

    @Test
    void timingKeepsColdCallsAndWarmBlocks() {
        Timing t = new Timing(List.of(300.0, 100.0, 200.0), List.of(List.of(1.0, 2.0, 9.0), List.of(3.0, 4.0, 5.0)), 7L);
        assertEquals(200.0, t.coldMs());
        assertEquals("100–300", t.cold().range());
        assertEquals(3.5, t.warmMedianMs(), "the median of every warm run, not of the block medians");
        assertEquals(List.of(2.0, 4.0), t.blockMedians());
        assertEquals(2, t.blockSpread().n());
        Timing one = Timing.of(12.0, List.of(1.0, 3.0), 1L);
        assertEquals(12.0, one.coldMs());
        assertEquals(2.0, one.warmMedianMs());
        assertTrue(Double.isNaN(Timing.NONE.coldMs()));
        assertTrue(Double.isNaN(Timing.NONE.warmMedianMs()));
    }

    @Test
    void warmRunsSplitIntoAtMostThreeEvenBlocks() {
        assertEquals(List.of(10, 10, 10), CompareCommand.blocks(30));
        assertEquals(List.of(2, 1, 1), CompareCommand.blocks(4));
        assertEquals(List.of(1, 1), CompareCommand.blocks(2));
        assertEquals(List.of(1), CompareCommand.blocks(1));
        for (int n = 1; n < 50; n++) {
            assertEquals(n, CompareCommand.blocks(n).stream().mapToInt(Integer::intValue).sum());
        }
    }

    @Test
    void tableShowsRangesInAppendedColumns() throws Exception {
        ResultTable t = new ResultTable();
        t.add(new Row("1tv-x10", "daily timeline: near — cold", "ms", Row.Better.LOWER, 150, 600, 90, Double.NaN, null, null,
                null, null, new Row.Spreads("cold calls", Spread.of(List.of(137.0, 150.0, 186.0)),
                Spread.of(List.of(590.0, 600.0, 650.0)), Spread.of(List.of(75.0, 90.0, 105.0)), Spread.NONE,
                Spread.pairedRatios(List.of(137.0, 150.0, 186.0), List.of(105.0, 90.0, 75.0), Row.Better.LOWER))));
        t.add(new Row("1tv", "size on disk", "MiB", Row.Better.LOWER, Double.NaN, 100, 150, Double.NaN, null, null, null, null));
        t.write(tmp, "r");
        String md = Files.readString(tmp.resolve("r.md"));
        assertTrue(md.contains("| 1tv-x10 | daily timeline: near — cold | ms | 150 | 600 | 90.0 | – | 0.60× | 0.15× | – | – | – "
                + "| 3 | 137–186 / 590–650 / 75.0–105 / – | 0.60× (0.40–0.77) |"), md);
        assertTrue(md.contains("| 1tv | size on disk | MiB | – | 100 | 150 | – | 1.50× | 1.50× | – | – | – | – | – | – |"), md);
        List<String> csv = Files.readAllLines(tmp.resolve("r.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        assertEquals(ResultTable.HEADER.subList(0, 13), header.subList(0, 13), "the old columns keep their places");
        String[] near = csv.get(1).split(",", -1);
        assertEquals(header.size(), near.length);
        assertEquals("cold calls", near[header.indexOf("spread_of")]);
        assertEquals("3", near[header.indexOf("n")]);
        assertEquals("137.000", near[header.indexOf("ours_in_process_min")]);
        assertEquals("186.000", near[header.indexOf("ours_in_process_max")]);
        assertEquals("0.40", near[header.indexOf("x_vs_pg_min")]);
        assertEquals("0.60", near[header.indexOf("x_vs_pg_pairs_median")]);
        assertEquals("", csv.get(2).split(",", -1)[header.indexOf("n")]);
    }

    @Test
    void optionsDefaultAndRejectNonsense() {
        CompareCommand c = new CompareCommand();
        new CommandLine(c).parseArgs("--work", tmp.toString(), "--no-pg");
        assertEquals(null, c.coldRepeats, "defaults are chosen in call(): 5 cold, 30 warm, 3 imports; fewer with --smoke");
        assertEquals(1, c.x10ImportRepeats);
        int code = new CommandLine(new CompareCommand()).execute("--work", tmp.toString(), "--no-pg", "--cold-repeats", "0",
                "--no-suites");
        assertTrue(code != 0, "--cold-repeats 0 is refused");
    }

    // ---- --keep / --reuse ------------------------------------------------------------------------

    private static Article article(int i, String title) {
        return new Article("https://example.org/" + i, "outlet", null,
                OffsetDateTime.of(2024, 3, 1 + i % 3, 10, 0, 0, 0, ZoneOffset.UTC), DateQuality.EXACT, "ru", title, "", null);
    }

    /** A kept "tg" corpus in {@code keep}: its source in {@code news}, the plain JSONL, an index of 3 articles, the stamp. */
    private KeptCorpus keptTg(Path news, Path keep) throws Exception {
        Files.createDirectories(news);
        Path src = news.resolve("tg_news_ru_2024.jsonl.gz");
        Files.write(src, new byte[] {1, 2, 3});
        Path plain = keep.resolve("tg.jsonl");
        Files.createDirectories(keep);
        Files.writeString(plain, "{}\n{}\n{}\n", StandardCharsets.UTF_8);
        Path index = KeptCorpus.indexOf(keep, "tg");
        try (LuceneEngine e = LuceneEngine.open(index)) {
            for (int i = 0; i < 3; i++) {
                e.add(article(i, "Путин " + i));
            }
            e.commit(Map.of());
        }
        Snapshot snap;
        try (LuceneEngine e = LuceneEngine.open(index)) {
            snap = org.narrativewatch.index.Corpus.of(e).snapshot();
        }
        KeptCorpus.FileFacts s = KeptCorpus.FileFacts.of(src);
        KeptCorpus k = new KeptCorpus("tg", src.toAbsolutePath().toString(), s.bytes(), s.mtime(), plain.toAbsolutePath().toString(),
                Files.size(plain), 3, false, snap.articles(), snap.version(), null, null, "now");
        k.write(keep);
        return k;
    }

    private static CompareCommand reusing(Path keep) {
        CompareCommand c = new CompareCommand();
        c.reuse = keep;
        return c;
    }

    @Test
    void stampRoundTripsAndAMatchingKeptCorpusIsAccepted() throws Exception {
        Path news = tmp.resolve("news");
        Path keep = tmp.resolve("keep");
        KeptCorpus k = keptTg(news, keep);
        assertEquals(k, KeptCorpus.read(keep, "tg"));
        assertEquals(List.of("tg"), KeptCorpus.keptIn(keep));
        Corpus c = reusing(keep).checkKept("tg", news, null);
        assertEquals(3, c.lines());
        assertEquals(news.resolve("tg_news_ru_2024.jsonl.gz").toAbsolutePath(), c.file(), "gzip corpora are read from the source");
        assertEquals(keep.resolve("tg.jsonl").toAbsolutePath(), c.plain());
    }

    @Test
    void reuseRejectsAnIndexWrittenToSinceItWasKept() throws Exception {
        Path news = tmp.resolve("news");
        Path keep = tmp.resolve("keep");
        keptTg(news, keep);
        try (LuceneEngine e = LuceneEngine.open(KeptCorpus.indexOf(keep, "tg"))) {
            e.add(article(9, "Зеленский"));
            e.commit(Map.of());
        }
        BenchException x = assertThrows(BenchException.class, () -> reusing(keep).checkKept("tg", news, null));
        assertTrue(x.getMessage().contains("4 articles") && x.getMessage().contains("stamp: 3"), x.getMessage());
    }

    @Test
    void reuseRejectsAChangedSourceAMissingCorpusAndAMissingIndex() throws Exception {
        Path news = tmp.resolve("news");
        Path keep = tmp.resolve("keep");
        keptTg(news, keep);
        Path src = news.resolve("tg_news_ru_2024.jsonl.gz");
        Files.setLastModifiedTime(src, FileTime.fromMillis(Files.getLastModifiedTime(src).toMillis() + 60_000));
        BenchException changed = assertThrows(BenchException.class, () -> reusing(keep).checkKept("tg", news, null));
        assertTrue(changed.getMessage().contains("changed since it was kept"), changed.getMessage());

        BenchException none = assertThrows(BenchException.class, () -> reusing(keep).checkKept("1tv", news, null));
        assertTrue(none.getMessage().contains("no kept corpus '1tv'") && none.getMessage().contains("kept: tg"),
                none.getMessage());

        Path other = tmp.resolve("news2");
        Files.createDirectories(other);
        BenchException elsewhere = assertThrows(BenchException.class, () -> reusing(keep).checkKept("tg", other, null));
        assertTrue(elsewhere.getMessage().contains("not from"), elsewhere.getMessage());

        Corpus.deleteTree(KeptCorpus.indexOf(keep, "tg"));
        BenchException gone = assertThrows(BenchException.class, () -> reusing(keep).checkKept("tg", news, null));
        assertTrue(gone.getMessage().contains("is gone"), gone.getMessage());
    }

    @Test
    void stampDifferencesNameEachMismatch() {
        KeptCorpus k = new KeptCorpus("1tv", "/d/1tv_ru.jsonl.gz", 100, 5, "/k/1tv.jsonl", 400, 10, false, 10, 7,
                "nw_1tv", 10L, "now");
        KeptCorpus.FileFacts src = new KeptCorpus.FileFacts(100, 5);
        KeptCorpus.FileFacts plain = new KeptCorpus.FileFacts(400, 9);
        assertEquals(List.of(), k.differences(src, plain, 10, 7, 10L));
        assertEquals(List.of(), k.differences(src, plain, 10, 7, null), "PostgreSQL not part of this run");
        assertEquals(1, k.differences(src, plain, 10, 8, 10L).size(), "a commit since (same count) is caught by the version");
        assertTrue(k.differences(src, plain, 10, 7, 9L).get(0).contains("9 rows"));
        assertTrue(k.differences(src, plain, 10, 7, -1L).get(0).contains("missing"));
        assertTrue(k.differences(src, new KeptCorpus.FileFacts(401, 9), 10, 7, 10L).get(0).contains("401 bytes"));
        assertTrue(k.differences(null, null, 10, 7, 10L).size() == 2);
        KeptCorpus noPg = new KeptCorpus("1tv", "/d/1tv_ru.jsonl.gz", 100, 5, "/k/1tv.jsonl", 400, 10, false, 10, 7, null,
                null, "now");
        assertTrue(noPg.differences(src, plain, 10, 7, 10L).get(0).contains("--no-pg"));
        assertEquals("nw_1tv_x10", PostgresSide.databaseOf("1tv-x10"));
    }
}
