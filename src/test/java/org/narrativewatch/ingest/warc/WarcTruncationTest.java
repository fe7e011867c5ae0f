package org.narrativewatch.ingest.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.narrativewatch.cli.Main;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.ingest.ImportDefaults;
import org.narrativewatch.ingest.ImportReport;
import org.narrativewatch.ingest.Importer;
import org.narrativewatch.ingest.Source;
import org.narrativewatch.ingest.SourceRecord;
import org.narrativewatch.ingest.Sources;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcWriter;
import picocli.CommandLine;

/**
 * A WARC file cut inside its last record (a download or a copy that stopped early) is a damaged
 * file: the complete records before the cut are imported, the cut one is named with its number and
 * byte offset, and the import says the file is incomplete. Every way of cutting is tried: inside
 * the WARC header, inside the HTTP header, inside the body (a Content-Length longer than what is
 * left), inside the closing CRLF CRLF, and inside a gzip member; for an HTML page and for a record
 * the importer passes over (an image), whose truncation must be noticed all the same.
 */
class WarcTruncationTest {

    /** Where in the last record the file is cut. */
    enum Cut {
        WARC_HEADER, HTTP_HEADER, BODY, BODY_LAST_BYTE, TRAILER_PART, TRAILER_ALL;

        int at(byte[] record) {
            int headerEnd = indexOf(record, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0) + 4;
            int httpEnd = indexOf(record, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headerEnd) + 4;
            return switch (this) {
                case WARC_HEADER -> headerEnd / 2;
                case HTTP_HEADER -> (headerEnd + httpEnd) / 2;
                case BODY -> (httpEnd + record.length - 4) / 2;
                case BODY_LAST_BYTE -> record.length - 5;
                case TRAILER_PART -> record.length - 2;
                case TRAILER_ALL -> record.length - 4;
            };
        }
    }

    static Stream<Arguments> cuts() {
        return Stream.of(Cut.values()).flatMap(c -> Stream.of(Arguments.of(c, true), Arguments.of(c, false)));
    }

    @ParameterizedTest(name = "{0}, html last: {1}")
    @MethodSource("cuts")
    void plainWarcCutInItsLastRecord(Cut cut, boolean htmlLast, @TempDir Path dir) throws Exception {
        long[] third = new long[1];
        byte[] three = write(dir.resolve("three.warc"), false, htmlLast, third);
        int start = (int) third[0];
        byte[] last = Arrays.copyOfRange(three, start, three.length);
        Path file = dir.resolve("cut.warc");
        Files.write(file, Arrays.copyOf(three, start + cut.at(last)));
        assertDamagedAtThirdRecord(file, start, dir);
    }

    /** Cut points inside the third gzip member: its header, its deflate data, its CRC/size trailer. */
    @ParameterizedTest(name = "member cut at {0}/8, html last: {1}")
    @MethodSource("memberCuts")
    void gzipWarcCutInItsLastMember(int eighths, boolean htmlLast, @TempDir Path dir) throws Exception {
        long[] third = new long[1];
        byte[] three = write(dir.resolve("three.warc.gz"), true, htmlLast, third);
        int start = (int) third[0];
        int member = three.length - start;
        int keep = eighths == 8 ? member - 1 : member * eighths / 8;
        Path file = dir.resolve("cut.warc.gz");
        Files.write(file, Arrays.copyOf(three, start + Math.max(1, keep)));
        assertDamagedAtThirdRecord(file, start, dir);
    }

    static Stream<Arguments> memberCuts() {
        return Stream.of(1, 4, 7, 8).flatMap(e -> Stream.of(Arguments.of(e, true), Arguments.of(e, false)));
    }

    @ParameterizedTest(name = "complete {0}")
    @MethodSource("complete")
    void completeFilesStayOk(String name, @TempDir Path dir) throws Exception {
        Path file = dir.resolve(name);
        write(file, name.endsWith(".gz"), true, new long[1]);
        try (LuceneEngine e = LuceneEngine.open(dir.resolve("idx"));
             Source s = Sources.open(file.toString(), ImportDefaults.none())) {
            ImportReport r = new Importer(e, 100, 60, null).run(s);
            assertEquals("ok", r.outcome(), r.toString());
            assertEquals(3, r.added());
        }
    }

    static Stream<String> complete() {
        return Stream.of("whole.warc", "whole.warc.gz");
    }

    private static void assertDamagedAtThirdRecord(Path file, long offset, Path dir) throws Exception {
        List<SourceRecord> records = WarcSourceTest.readAll(file);
        assertEquals(3, records.size(), records.toString());
        assertInstanceOf(SourceRecord.Parsed.class, records.get(0));
        assertInstanceOf(SourceRecord.Parsed.class, records.get(1));
        SourceRecord.Rejected cut = assertInstanceOf(SourceRecord.Rejected.class, records.get(2));
        assertTrue(cut.endsSource(), cut.toString());
        assertEquals(file + ": record 3 at byte " + offset, cut.where());
        assertTrue(cut.reason().startsWith("the file ends inside this record"), cut.reason());
        assertEquals(1, cut.toString().lines().count());

        try (LuceneEngine e = LuceneEngine.open(dir.resolve("idx"));
             Source s = Sources.open(file.toString(), ImportDefaults.none())) {
            ImportReport r = new Importer(e, 100, 60, null).run(s);
            assertEquals("incomplete", r.outcome(), r.toString());
            assertEquals(2, r.added(), "the complete records before the cut are imported");
            assertEquals(1, r.rejected());
            assertEquals(cut.toString(), r.failure());
            assertEquals(2, e.snapshot().articles());
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = Main.commandLine();
        cli.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
        cli.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        int code = cli.execute("import", file.toString(), "--index", dir.resolve("cli-idx").toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, text + err);
        assertTrue(text.contains("INCOMPLETE: " + file + ": record 3 at byte " + offset), text);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("record 3 at byte " + offset), err.toString());
    }

    /** Two HTML pages, then an HTML page or an image; returns the file's bytes, and the third record's offset. */
    private static byte[] write(Path file, boolean gzip, boolean htmlLast, long[] thirdAt) throws IOException {
        try (WarcWriter w = new WarcWriter(Files.newByteChannel(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
                gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
            w.write(WarcSourceTest.html("https://meduza.io/feature/1", WarcSourceTest.DATED_BY_META, "utf-8"));
            w.write(WarcSourceTest.html("https://meduza.io/feature/2", WarcSourceTest.DATED_BY_JSON_LD, "utf-8"));
            thirdAt[0] = w.position();
            if (htmlLast) {
                w.write(WarcSourceTest.html("https://meduza.io/feature/3",
                        WarcSourceTest.DATED_BY_TIME + "<p>" + "Длинный текст. ".repeat(200) + "</p>", "utf-8"));
            } else {
                byte[] png = new byte[3000];
                new java.util.Random(7).nextBytes(png);
                w.write(WarcSourceTest.response("https://meduza.io/logo.png", 200, "image/png", png));
            }
        }
        return Files.readAllBytes(file);
    }

    private static int indexOf(byte[] a, byte[] what, int from) {
        outer:
        for (int i = from; i <= a.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (a[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
