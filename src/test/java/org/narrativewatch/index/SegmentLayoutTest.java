package org.narrativewatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.util.InfoStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;
import org.narrativewatch.ingest.ImportDefaults;
import org.narrativewatch.ingest.ImportReport;
import org.narrativewatch.ingest.Importer;
import org.narrativewatch.ingest.Source;
import org.narrativewatch.ingest.Sources;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;

/**
 * The segment layout's end-of-import step: a bulk import ends merged down to the layout's segments, an
 * incremental import of a few articles into a large index is not merged, and the answers are the same
 * either way.
 */
class SegmentLayoutTest {

    @TempDir
    Path tmp;

    static final String[] QUERIES = {"путин", "\"военной операции\"", "путин NEAR/3 зеленский", "переговоры OR встреча"};

    /** {@code n} JSONL articles over 40 days, starting at number {@code from}, mixing the queries' words. */
    static Path corpus(Path file, int from, int n, long seed) throws IOException {
        Random r = new Random(seed);
        String[] words = {"Путин", "Зеленский", "военной", "операции", "переговоры", "встреча", "погода", "сказал", "в", "и"};
        StringBuilder b = new StringBuilder();
        for (int i = from; i < from + n; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                text.append(words[r.nextInt(words.length)]).append(' ');
            }
            LocalDate day = LocalDate.of(2022, 2, 1).plusDays(r.nextInt(40));
            b.append("{\"date\":\"").append(day).append("\",\"source\":\"Тестовое СМИ\",\"url\":\"https://a.example/")
                    .append(i).append("\",\"title\":\"Новость ").append(i).append("\",\"text\":\"").append(text.toString().trim())
                    .append("\",\"lang\":\"ru\"}\n");
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
        return file;
    }

    /** Imports {@code file} with a commit every {@code commitEvery} records: many flushed segments. */
    static ImportReport importFile(Path index, Path file, SegmentLayout layout, int commitEvery) throws IOException {
        try (LuceneEngine e = LuceneEngine.open(index, layout); Source s = Sources.open(file.toString(), ImportDefaults.none())) {
            return new Importer(e, commitEvery, 60, null).run(s);
        }
    }

    static int segments(Path index) throws IOException {
        try (LuceneEngine e = LuceneEngine.open(index)) {
            return e.committedSegments();
        }
    }

    /** Every query's daily counts and the totals, as a reading engine gives them. */
    static Map<String, List<Long>> answers(Path index) throws IOException {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        try (LuceneEngine e = LuceneEngine.open(index)) {
            for (String q : QUERIES) {
                List<Long> counts = new ArrayList<>();
                for (Bucket b : Corpus.of(e).timeline(Query.parse(q), Selection.ALL, Bucketing.DAY, Engine.CountUnit.ARTICLES).buckets()) {
                    counts.add(b.count());
                    counts.add(b.total());
                }
                out.put(q, counts);
            }
            out.put("hits", List.of(e.search(Query.parse("путин"), Selection.ALL, 5, Engine.HitOrder.NEWEST).total()));
        }
        return out;
    }

    @Test
    void aBulkImportEndsInFewSegmentsWithTheSameAnswers() throws IOException {
        Path file = corpus(tmp.resolve("a.jsonl"), 0, 3000, 1);
        importFile(tmp.resolve("plain"), file, SegmentLayout.LUCENE, 150);
        ImportReport r = importFile(tmp.resolve("two"), file, SegmentLayout.LUCENE.with("bulk-segments=2"), 150);
        assertEquals(3000, r.added());
        importFile(tmp.resolve("default"), file, SegmentLayout.DEFAULT, 150);
        int plain = segments(tmp.resolve("plain"));
        assertTrue(plain > 2, "without the step the import leaves many segments: " + plain);
        assertTrue(segments(tmp.resolve("two")) <= 2, "after a bulk import: " + segments(tmp.resolve("two")));
        assertEquals(1, segments(tmp.resolve("default")));
        Map<String, List<Long>> expected = answers(tmp.resolve("plain"));
        assertEquals(expected, answers(tmp.resolve("two")));
        assertEquals(expected, answers(tmp.resolve("default")));
    }

    @Test
    void aSmallIncrementalImportIsNotMerged() throws IOException {
        SegmentLayout layout = SegmentLayout.DEFAULT;
        Path index = tmp.resolve("idx");
        importFile(index, corpus(tmp.resolve("a.jsonl"), 0, 2000, 2), layout, 200);
        assertEquals(1, segments(index));
        // 40 new articles (2 % of the index) in two commits: each flush stays a segment of its own
        importFile(index, corpus(tmp.resolve("b.jsonl"), 2000, 40, 3), layout, 20);
        int after = segments(index);
        assertTrue(after > 1, "an incremental import is not merged down: " + after);
        // the same articles imported in one go answer the same
        Path all = tmp.resolve("all.jsonl");
        Files.writeString(all, Files.readString(tmp.resolve("a.jsonl")) + Files.readString(tmp.resolve("b.jsonl")));
        importFile(tmp.resolve("once"), all, SegmentLayout.LUCENE, 10_000);
        assertEquals(answers(tmp.resolve("once")), answers(index));
    }

    @Test
    void oneProcessImportingManyFilesMergesOnlyWhenTheIndexDoubled() throws IOException {
        Path index = tmp.resolve("idx");
        try (LuceneEngine e = LuceneEngine.open(index, SegmentLayout.DEFAULT)) {
            Importer importer = new Importer(e, 100, 60, null);
            int[] sizes = {600, 600, 300};
            int[] expectOne = {1, 1, 0};
            int from = 0;
            for (int i = 0; i < sizes.length; i++) {
                Path f = corpus(tmp.resolve(i + ".jsonl"), from, sizes[i], 10 + i);
                from += sizes[i];
                try (Source s = Sources.open(f.toString(), ImportDefaults.none())) {
                    importer.run(s);
                }
                int segments = e.committedSegments();
                // the first file is the whole index, the second doubles it: both merged; the third adds a fifth
                assertEquals(expectOne[i] == 1, segments == 1, "after file " + (i + 1) + ": " + segments + " segments");
            }
        }
    }

    /** A merge context for asking a merge policy what it would merge in a committed index. */
    static MergePolicy.MergeContext context() {
        return new MergePolicy.MergeContext() {
            @Override
            public int numDeletesToMerge(SegmentCommitInfo info) {
                return 0;
            }

            @Override
            public int numDeletedDocs(SegmentCommitInfo info) {
                return 0;
            }

            @Override
            public InfoStream getInfoStream() {
                return InfoStream.NO_OUTPUT;
            }

            @Override
            public Set<SegmentCommitInfo> getMergingSegments() {
                return Set.of();
            }
        };
    }

    @Test
    void mergesOnTheWayAreHeldBackOnlyWhileAnImportFillsAnEmptyIndex() throws IOException {
        // flushed segments, as an import with a commit every batch leaves them without the end step
        Path index = tmp.resolve("idx");
        importFile(index, corpus(tmp.resolve("a.jsonl"), 0, 2000, 4), SegmentLayout.LUCENE.with("tier=100"), 100);
        try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(index)) {
            // the policy reads the segments' sizes from the folder
            SegmentInfos infos = SegmentInfos.readLatestCommit(d);
            assertTrue(infos.size() >= 4, "segments: " + infos.size());
            IndexWriterConfig cfg = new IndexWriterConfig();
            SegmentLayout.Merges merges = SegmentLayout.DEFAULT.with("tier=2,atonce=2").configure(cfg, 1L << 30);
            assertFalse(merges.held());
            assertTrue(merges.findMerges(MergeTrigger.FULL_FLUSH, infos, context()) != null, "the tiers merge " + infos.size() + " segments");
            merges.hold(true);
            assertNull(merges.findMerges(MergeTrigger.FULL_FLUSH, infos, context()), "held back while filling an empty index");
            assertTrue(merges.findForcedMerges(infos, 1, forced(infos), context()) != null, "the end merge is never held back");
            merges.hold(false);
            assertTrue(merges.findMerges(MergeTrigger.FULL_FLUSH, infos, context()) != null);
        }
    }

    @Test
    void anImportIntoAnEmptyIndexHoldsMergesBackUntilItEnds() throws IOException {
        Path index = tmp.resolve("idx");
        Path file = corpus(tmp.resolve("a.jsonl"), 0, 600, 5);
        try (LuceneEngine e = LuceneEngine.open(index, SegmentLayout.DEFAULT)) {
            Importer importer = new Importer(e, 100, 60, null);
            // whether merges are held while the importer reads each record: the importer itself must begin the import
            List<Boolean> heldWhileReading = new ArrayList<>();
            try (Source s = Sources.open(file.toString(), ImportDefaults.none())) {
                importer.run(new Source() {
                    @Override
                    public String name() {
                        return s.name();
                    }

                    @Override
                    public org.narrativewatch.ingest.SourceRecord next() throws IOException {
                        heldWhileReading.add(e.mergesHeld());
                        return s.next();
                    }

                    @Override
                    public void close() throws IOException {
                        s.close();
                    }
                });
            }
            assertTrue(heldWhileReading.size() > 600 && !heldWhileReading.contains(false),
                    "merges held for every record of an import into an empty index");
            assertEquals(1, e.committedSegments());
            assertFalse(e.mergesHeld(), "after the import the tiers merge again");
        }
        // an import into an index that holds articles merges as the tiers say from the start
        try (LuceneEngine e = LuceneEngine.open(index, SegmentLayout.DEFAULT)) {
            e.beginImport();
            assertFalse(e.mergesHeld());
        }
        try (LuceneEngine e = LuceneEngine.open(tmp.resolve("new"), SegmentLayout.DEFAULT)) {
            e.commit(Map.of());
            assertFalse(e.mergesHeld(), "a writer fed without an import (the collector) merges as before");
            e.beginImport();
            assertTrue(e.mergesHeld(), "an import into an empty index holds merges back");
            e.finishImport(Map.of());
            assertFalse(e.mergesHeld());
        }
        try (LuceneEngine e = LuceneEngine.open(tmp.resolve("new2"), SegmentLayout.LUCENE)) {
            e.beginImport();
            assertFalse(e.mergesHeld(), "a layout without the end merge never holds merges back");
        }
    }

    static Map<SegmentCommitInfo, Boolean> forced(SegmentInfos infos) {
        Map<SegmentCommitInfo, Boolean> m = new java.util.HashMap<>();
        for (SegmentCommitInfo i : infos) {
            m.put(i, Boolean.TRUE);
        }
        return m;
    }

    @Test
    void aBulkImportIsMostOfTheIndex() {
        SegmentLayout l = SegmentLayout.LUCENE.with("bulk-share=0.5");
        assertTrue(l.bulk(0, 10));
        assertTrue(l.bulk(100, 200));
        assertFalse(l.bulk(101, 200));
        assertFalse(l.bulk(1_000_000, 1_000_040));
    }

    @Test
    void theMeasuringSwitchIsStrict() {
        SegmentLayout l = SegmentLayout.DEFAULT.with("tier=4, floor=32, atonce=6, ram=128, bulk-segments=3");
        assertEquals(new SegmentLayout(128, 4, 32, 6, 3, SegmentLayout.DEFAULT.bulkShare()), l);
        assertThrows(UserException.class, () -> SegmentLayout.DEFAULT.with("tiers=4"));
        assertThrows(UserException.class, () -> SegmentLayout.DEFAULT.with("tier=four"));
        assertThrows(UserException.class, () -> SegmentLayout.DEFAULT.with("tier"));
    }
}
