package org.narrativewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;

class ImportTest {

    @TempDir
    Path tmp;

    static String line(String url, String date, String title) {
        return "{\"id\":\"x\",\"date\":\"" + date + "\",\"source\":\"Тестовое СМИ\",\"url\":\"" + url
                + "\",\"title\":\"" + title + "\",\"text\":\"\",\"lang\":\"ru\"}\n";
    }

    private ImportReport importFile(Path index, Path file) throws IOException {
        try (LuceneEngine e = LuceneEngine.open(index); Source s = Sources.open(file.toString(), ImportDefaults.none())) {
            return new Importer(e, 1000, 60, null).run(s);
        }
    }

    @Test
    void badRecordsAreReportedWithLineAndDoNotStopTheOthers() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(line("https://a.example/1", "2022-02-24", "Первая новость").getBytes(StandardCharsets.UTF_8));
        b.writeBytes("this is not json\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(line("https://a.example/3", "2022-02-24", "Третья").getBytes(StandardCharsets.UTF_8)
        );
        byte[] bad = line("https://a.example/4", "2022-02-25", "Плохой XX").getBytes(StandardCharsets.UTF_8);
        int xx = indexOf(bad, "XX".getBytes(StandardCharsets.UTF_8));
        bad[xx] = (byte) 0xC3; // a UTF-8 lead byte followed by an ASCII byte: malformed
        b.writeBytes(bad);
        b.writeBytes("{\"url\":\"https://a.example/5\",\"source\":\"Тестовое СМИ\",\"title\":\"Без даты\"}\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(line("https://a.example/6", "2999-01-01", "Из будущего").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(line("https://a.example/7", "2022-02-26T10:00:00+03:00", "Седьмая").getBytes(StandardCharsets.UTF_8));
        b.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(line("https://A.EXAMPLE/1#frag", "2022-02-24", "Первая новость, дубль").getBytes(StandardCharsets.UTF_8));
        Path f = tmp.resolve("mixed.jsonl");
        Files.write(f, b.toByteArray());

        ImportReport r = importFile(tmp.resolve("idx"), f);
        assertEquals(8, r.read());
        assertEquals(3, r.added());
        assertEquals(1, r.alreadyPresent(), "the same normalised URL is one article");
        assertEquals(4, r.rejected());
        assertTrue(r.examples().contains(f + ":2: not JSON (Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))")
                || r.examples().stream().anyMatch(x -> x.startsWith(f + ":2: not JSON")), r.examples().toString());
        assertTrue(r.examples().contains(f + ":4: not valid UTF-8"), r.examples().toString());
        assertTrue(r.examples().contains(f + ":5: no date field"), r.examples().toString());
        assertTrue(r.examples().stream().anyMatch(x -> x.startsWith(f + ":6: field date: 2999-01-01 is in the future")),
                r.examples().toString());

        try (LuceneEngine e = LuceneEngine.open(tmp.resolve("idx"))) {
            assertEquals(3, e.snapshot().articles());
            var hits = e.search(Query.parse("седьмая"), Selection.ALL, 5, Engine.HitOrder.NEWEST);
            assertEquals(1, hits.total());
            assertEquals(DateQuality.EXACT, hits.hits().get(0).dateQuality());
            assertEquals("+03:00", hits.hits().get(0).published().getOffset().getId(), "the source's offset is kept");
        }
    }

    @Test
    void reimportAddsNothing() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sb.append(line("https://a.example/n/" + i, "2022-03-" + String.format("%02d", 1 + i % 28), "Новость номер " + i));
        }
        Path f = tmp.resolve("a.jsonl");
        Files.writeString(f, sb.toString());
        ImportReport first = importFile(tmp.resolve("idx"), f);
        assertEquals(50, first.added());
        // the same records under another file name (no checkpoint applies): found by identity
        Path copy = tmp.resolve("copy.jsonl");
        Files.writeString(copy, sb.toString());
        ImportReport second = importFile(tmp.resolve("idx"), copy);
        assertEquals(0, second.added());
        assertEquals(50, second.alreadyPresent());
        // the same file again: resumed from its checkpoint
        ImportReport third = importFile(tmp.resolve("idx"), f);
        assertEquals(0, third.added());
        assertEquals(50, third.skipped());
        try (LuceneEngine e = LuceneEngine.open(tmp.resolve("idx"))) {
            assertEquals(50, e.snapshot().articles());
        }
    }

    @Test
    void truncatedGzipKeepsWhatWasReadAndSaysSo() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(raw)) {
            for (int i = 0; i < 2000; i++) {
                gz.write(line("https://a.example/g/" + i, "2022-04-01", "Заголовок " + i + " " + "слово ".repeat(i % 7))
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] all = raw.toByteArray();
        Path f = tmp.resolve("cut.jsonl.gz");
        Files.write(f, Arrays.copyOf(all, all.length * 2 / 3));
        ImportReport r = importFile(tmp.resolve("idx"), f);
        assertTrue(r.added() > 100 && r.added() < 2000, "added " + r.added());
        assertEquals(1, r.rejected());
        assertTrue(r.examples().get(0).contains("ends early or is corrupt"), r.examples().toString());
        try (LuceneEngine e = LuceneEngine.open(tmp.resolve("idx"))) {
            assertEquals(r.added(), e.snapshot().articles());
        }
    }

    @Test
    void csvWithQuotedNewlinesAndMissingFields() throws IOException {
        Path f = tmp.resolve("a.csv");
        Files.writeString(f, "url,date,source,title,text,lang\n"
                + "https://b.example/1,2022-05-01,Outlet B,\"Title, with comma\",\"line one\nline two\",en\n"
                + "https://b.example/2,,Outlet B,No date,,en\n"
                + "https://b.example/3,2022-05-02,Outlet B,Third,text,en\n");
        ImportReport r = importFile(tmp.resolve("idx"), f);
        assertEquals(2, r.added());
        assertEquals(1, r.rejected());
        assertTrue(r.examples().get(0).startsWith(f + ":4: no date field"), r.examples().toString());
        try (LuceneEngine e = LuceneEngine.open(tmp.resolve("idx"))) {
            var s = Corpus.of(e).timeline(Query.parse("*"), new Selection(LocalDate.of(2022, 5, 1), LocalDate.of(2022, 5, 2), null, null, null),
                    Bucketing.DAY, Engine.CountUnit.ARTICLES);
            assertEquals(1, s.buckets().get(0).count());
            assertEquals(1, s.buckets().get(1).count());
        }
    }

    @Test
    void uncommittedWorkIsLostButCommittedWorkStays() throws IOException {
        Path idx = tmp.resolve("idx");
        try (LuceneEngine e = LuceneEngine.open(idx)) {
            e.add(new org.narrativewatch.article.Article("https://c.example/1", "C", null,
                    java.time.OffsetDateTime.parse("2022-01-01T00:00:00Z"), DateQuality.EXACT, "ru", "Один", "", null));
            e.commit(java.util.Map.of());
            e.add(new org.narrativewatch.article.Article("https://c.example/2", "C", null,
                    java.time.OffsetDateTime.parse("2022-01-01T00:00:00Z"), DateQuality.EXACT, "ru", "Два", "", null));
            // closed without commit: as if the process died here
        }
        try (LuceneEngine e = LuceneEngine.open(idx)) {
            assertEquals(1, e.snapshot().articles());
        }
    }

    private static int indexOf(byte[] a, byte[] b) {
        outer:
        for (int i = 0; i + b.length <= a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                if (a[i + j] != b[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
