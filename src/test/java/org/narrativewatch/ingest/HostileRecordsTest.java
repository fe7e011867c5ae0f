package org.narrativewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;
import org.narrativewatch.index.LuceneEngine;

/** Issue 19, parts 2, 4, 5, 6, 7: hostile records and files, one class each, against the real engine. */
class HostileRecordsTest {

    @TempDir
    Path tmp;

    static String rec(String url, String date, String source, String title, String lang, String group) {
        return "{\"date\":\"" + date + "\",\"source\":\"" + source + "\",\"url\":\"" + url + "\",\"title\":\"" + title
                + "\",\"lang\":\"" + lang + "\"" + (group == null ? "" : ",\"group\":\"" + group + "\"") + "}";
    }

    static String rec(int i) {
        return rec("https://x.example/" + i, "2022-02-24", "X", "Новость " + i, "ru", null);
    }

    private ImportReport importFile(Path index, Path file, DateWindow window) throws IOException {
        try (LuceneEngine e = LuceneEngine.open(index);
             Source s = Sources.open(file.toString(), ImportDefaults.none())) {
            Importer importer = new Importer(e, 100, 60, null);
            if (window != null) {
                importer.dates(window);
            }
            return importer.run(s);
        }
    }

    private long articles(Path index) throws IOException {
        try (LuceneEngine e = LuceneEngine.open(index)) {
            return e.snapshot().articles();
        }
    }

    @Test
    void longKeywordFieldsAreRejectedPerRecordAndTheRestImported() throws IOException {
        String huge = "a".repeat(40_000);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            String line = switch (i) {
                case 500 -> rec("https://x.example/" + huge, "2022-02-24", "X", "t", "ru", null);
                case 501 -> rec("https://x.example/501", "2022-02-24", huge, "t", "ru", null);
                case 502 -> rec("https://x.example/502", "2022-02-24", "X", "t", huge, null);
                case 503 -> rec("https://x.example/503", "2022-02-24", "X", "t", "ru", "ж".repeat(17_000));
                default -> rec(i);
            };
            sb.append(line).append('\n');
        }
        Path f = tmp.resolve("long.jsonl");
        Files.writeString(f, sb.toString());
        ImportReport r = importFile(tmp.resolve("idx"), f, null);
        assertNull(r.failure(), r.toString());
        assertEquals(996, r.added());
        assertEquals(4, r.rejected());
        for (int line = 500; line <= 503; line++) {
            int l = line;
            assertTrue(r.examples().stream().anyMatch(x -> x.startsWith(f + ":" + l + ": field too long: ")),
                    r.examples().toString());
        }
        assertTrue(r.examples().stream().anyMatch(x -> x.contains("group is 34000 bytes")), "bytes, not characters");
        assertEquals(996, articles(tmp.resolve("idx")), "committed: a re-run does not find 'no index yet'");
        ImportReport again = importFile(tmp.resolve("idx"), f, null);
        assertEquals(0, again.added());
    }

    @Test
    void longTelegramChannelNameIsRejectedPerMessage() throws IOException {
        String export = "{\n \"name\": \"" + "к".repeat(20_000) + "\",\n \"type\": \"public_channel\",\n \"id\": 1,\n"
                + " \"messages\": [\n  {\"id\": 2, \"type\": \"message\", \"date\": \"2022-02-24T10:00:00\","
                + " \"date_unixtime\": \"1645696800\", \"text\": \"Первое\"}\n ]\n}\n";
        Path f = tmp.resolve("result.json");
        Files.writeString(f, export);
        ImportReport r = importFile(tmp.resolve("idx"), f, null);
        assertEquals(1, r.rejected(), r.toString());
        assertTrue(r.examples().get(0).startsWith(f + ": message 2: field too long: source"), r.examples().toString());
    }

    @Test
    void datesOutsideTheWindowAreRejectedFromEverySourceKindAndCounted() throws IOException {
        Path feed = tmp.resolve("dates.rss");
        Files.writeString(feed, "<rss version=\"2.0\"><channel><title>x</title>"
                + "<item><title>Будущее</title><link>https://f.example/1</link><pubDate>Fri, 01 Jan 2099 00:00:00 GMT</pubDate></item>"
                + "<item><title>Давно</title><link>https://f.example/2</link><pubDate>Mon, 01 Jan 1001 00:00:00 GMT</pubDate></item>"
                + "<item><title>Норма</title><link>https://f.example/3</link><pubDate>Thu, 24 Feb 2022 10:00:00 GMT</pubDate></item>"
                + "</channel></rss>");
        ImportReport r = importFile(tmp.resolve("idx"), feed, null);
        assertEquals(1, r.added(), r.toString());
        assertEquals(1L, r.reasons().get("date in the future"), r.reasons().toString());
        assertEquals(1L, r.reasons().get("date before the accepted window"), r.reasons().toString());

        String export = "{\n \"name\": \"Канал\",\n \"type\": \"public_channel\",\n \"id\": 1,\n \"messages\": [\n"
                + "  {\"id\": 2, \"type\": \"message\", \"date\": \"2099-01-01T00:00:00\", \"date_unixtime\": \"4070908800\", \"text\": \"Будущее\"},\n"
                + "  {\"id\": 3, \"type\": \"message\", \"date_unixtime\": \"-99999999999\", \"text\": \"Давно\"},\n"
                + "  {\"id\": 4, \"type\": \"message\", \"date_unixtime\": \"999999999999999999\", \"text\": \"Вне\"},\n"
                + "  {\"id\": 5, \"type\": \"message\", \"date_unixtime\": \"1645696800\", \"text\": \"Норма\"}\n ]\n}\n";
        Path tg = tmp.resolve("result.json");
        Files.writeString(tg, export);
        ImportReport t = importFile(tmp.resolve("idx"), tg, null);
        assertEquals(1, t.added(), t.toString());
        assertEquals(3, t.rejected(), t.toString());
        assertNull(t.failure(), "odd dates are refused per message, the file goes on");

        // the window is configurable: a narrower one refuses what the default accepts
        Path f = tmp.resolve("ok.jsonl");
        Files.writeString(f, rec("https://y.example/1", "2019-12-31", "Y", "Старое", "ru", null) + "\n"
                + rec("https://y.example/2", "2020-01-01", "Y", "Новое", "ru", null) + "\n");
        Clock clock = Clock.fixed(Instant.parse("2020-06-01T00:00:00Z"), ZoneOffset.UTC);
        ImportReport w = importFile(tmp.resolve("idx2"), f,
                new DateWindow(LocalDate.of(2020, 1, 1), Duration.ofDays(1), clock));
        assertEquals(1, w.added());
        assertEquals(1L, w.reasons().get("date before the accepted window"), w.reasons().toString());
    }

    @Test
    void everyValueOfALineIsImportedWhateverSeparatesThem() throws IOException {
        String[] separators = {"", "\r", "\u2028", "\u0085", "\u2029", " "};
        int n = 0;
        for (String sep : separators) {
            Path f = tmp.resolve("sep" + n + ".jsonl");
            String body = rec(n * 10 + 1) + sep + rec(n * 10 + 2) + sep + rec(n * 10 + 3) + (sep.equals("\r") ? "\r" : "\n");
            Files.write(f, body.getBytes(StandardCharsets.UTF_8));
            ImportReport r = importFile(tmp.resolve("idx"), f, null);
            assertEquals(3, r.read(), "separator U+" + Integer.toHexString(sep.isEmpty() ? 0 : sep.charAt(0)));
            assertEquals(3, r.added(), r.toString());
            n++;
        }
        Path crlf = tmp.resolve("crlf.jsonl");
        Files.writeString(crlf, rec(101) + "\r\n" + rec(102) + "\r\n\r\n" + rec(103) + "\r\n");
        assertEquals(3, importFile(tmp.resolve("idx"), crlf, null).added());
        // text after a value that is not JSON is refused with its line and column, not dropped
        Path junk = tmp.resolve("junk.jsonl");
        Files.writeString(junk, rec(201) + " trailing words\n" + rec(202) + "\n");
        ImportReport j = importFile(tmp.resolve("idx"), junk, null);
        assertEquals(2, j.added());
        assertEquals(1, j.rejected());
        assertTrue(j.examples().get(0).startsWith(junk + ":1: not JSON") && j.examples().get(0).contains("column"),
                j.examples().toString());
    }

    @Test
    void valuesOfOneLineResumeCorrectlyAfterACheckpointBetweenThem() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append(rec(2 * i)).append(rec(2 * i + 1)).append('\n');
        }
        Path f = tmp.resolve("pairs.jsonl");
        Files.writeString(f, sb.toString());
        ImportReport r = importFile(tmp.resolve("idx"), f, null);
        assertEquals(600, r.added());
        ImportReport again = importFile(tmp.resolve("idx"), f, null);
        assertEquals(600, again.skipped(), "every value has its own position");
    }

    @Test
    void deeplyNestedFeedMarkupKeepsItsTextAndTheFeedItsOtherItems() throws IOException {
        for (String tag : new String[] {"b", "div", "li"}) {
            String open = "<" + tag + ">";
            String close = "</" + tag + ">";
            Path f = tmp.resolve("deep-" + tag + ".rss");
            Files.writeString(f, "<rss version=\"2.0\"><channel><title>x</title>"
                    + "<item><title>Глубоко</title><link>https://d.example/" + tag + "</link><description>"
                    + open.repeat(3000) + "слово" + close.repeat(3000) + "</description>"
                    + "<pubDate>Thu, 24 Feb 2022 10:00:00 GMT</pubDate></item>"
                    + "<item><title>Глубоко в HTML</title><link>https://d.example/h" + tag + "</link><description><![CDATA["
                    + open.repeat(5_000) + "слово" + close.repeat(5_000) + "]]></description>"
                    + "<pubDate>Thu, 24 Feb 2022 10:00:00 GMT</pubDate></item>"
                    + "<item><title>Обычная</title><link>https://d.example/n" + tag + "</link>"
                    + "<pubDate>Thu, 24 Feb 2022 10:00:00 GMT</pubDate></item></channel></rss>");
            ImportReport r = importFile(tmp.resolve("idx"), f, null);
            assertNull(r.failure(), r.toString());
            assertEquals(3, r.added(), r.toString());
        }
    }

    @Test
    void odditiesOfOneItemOrRecordAreOneLineReasons() throws IOException {
        Path feed = tmp.resolve("links.rss");
        Files.writeString(feed, "<rss version=\"2.0\"><channel><title>x</title>"
                + "<item><title>JS</title><link>javascript:alert(1)</link></item>"
                + "<item><title>Data</title><link>data:text/html,hi</link></item>"
                + "<item><title>OK</title><link>https://ok.example/2</link><pubDate>Thu, 24 Feb 2022 10:00:00 GMT</pubDate></item>"
                + "</channel></rss>");
        ImportReport r = importFile(tmp.resolve("idx"), feed, null);
        assertEquals(1, r.added());
        assertEquals(2, r.rejected());
        assertTrue(r.examples().get(0).contains("item 1: link is not a web address"), r.examples().toString());
    }

    @Test
    void unreadableFilesFailAsAWholeWithOneLine() throws IOException {
        Path tiny = tmp.resolve("tiny.jsonl.gz");
        Files.write(tiny, new byte[] {0x1f, (byte) 0x8b});
        assertOneLine(assertThrows(UserException.class, () -> Sources.open(tiny.toString(), ImportDefaults.none())),
                tiny, "not a readable gzip file");

        Path empty = tmp.resolve("empty.csv");
        Files.write(empty, new byte[0]);
        assertOneLine(assertThrows(UserException.class, () -> Sources.open(empty.toString(), ImportDefaults.none())),
                empty, "empty file");

        Path utf16 = tmp.resolve("utf16.csv");
        Files.write(utf16, "url,date,source,title\nhttps://a.example/1,2022-01-01,X,T\n".getBytes(StandardCharsets.UTF_16));
        assertOneLine(assertThrows(UserException.class, () -> Sources.open(utf16.toString(), ImportDefaults.none())),
                utf16, "UTF-16");

        Path zeros = tmp.resolve("zeros.csv");
        Files.write(zeros, new byte[1 << 20]);
        assertOneLine(assertThrows(UserException.class, () -> Sources.open(zeros.toString(), ImportDefaults.none())),
                zeros, "binary data");

        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(raw)) {
            byte[] line = "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < (12 << 20) / line.length; i++) {
                gz.write(line);
            }
        }
        Path bomb = tmp.resolve("bomb.jsonl.gz");
        Files.write(bomb, raw.toByteArray());
        assertOneLine(assertThrows(UserException.class, () -> Sources.open(bomb.toString(), ImportDefaults.none())),
                bomb, "decompression bomb");
        assertEquals(0, articlesOrZero(tmp.resolve("idx")));
    }

    @Test
    void badUtf8InTheFirstKilobytesOfACsvRejectsOnlyItsRecord() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("url,date,source,title,lang\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("https://c.example/1,2022-01-01,X,Один,ru\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("https://c.example/2,2022-01-01,X,Плохо".getBytes(StandardCharsets.UTF_8));
        b.write(0xC3);
        b.writeBytes(",ru\nhttps://c.example/3,2022-01-01,X,Три,ru\n".getBytes(StandardCharsets.UTF_8));
        Path f = tmp.resolve("bad.csv");
        Files.write(f, b.toByteArray());
        ImportReport r = importFile(tmp.resolve("idx"), f, null);
        assertEquals(2, r.added(), r.toString());
        assertEquals(f + ":3: not valid UTF-8", r.examples().get(0));
    }

    @Test
    void truncatedFeedFileIsOneLine() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(raw)) {
            gz.write("<rss version=\"2.0\"><channel><title>x</title>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 500; i++) {
                gz.write(("<item><title>Т" + i + "</title><link>https://t.example/" + i + "</link></item>")
                        .getBytes(StandardCharsets.UTF_8));
            }
            gz.write("</channel></rss>".getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = raw.toByteArray();
        Path f = tmp.resolve("cut.xml.gz");
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        try (LuceneEngine e = LuceneEngine.open(tmp.resolve("idx"));
             Source s = Sources.open(f.toString(), ImportDefaults.none())) {
            ImportReport r = new Importer(e, 100, 60, null).run(s);
            assertEquals("failed", r.outcome());
            assertTrue(r.failure().startsWith(f + ": the file ends early or is corrupt"), r.failure());
            assertEquals(1, r.failure().lines().count());
        }
    }

    private long articlesOrZero(Path index) throws IOException {
        if (!Files.exists(index)) {
            return 0;
        }
        return articles(index);
    }

    private static void assertOneLine(UserException e, Path file, String what) {
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString() + ": "), m);
        assertTrue(m.contains(what), m);
        assertEquals(1, m.lines().count(), m);
    }
}
