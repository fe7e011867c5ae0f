package org.narrativewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.narrativewatch.index.LuceneEngine;

/**
 * Files cut short (a download or copy that stopped early), one test per container reader besides
 * WARC (see WarcTruncationTest): the records before the cut are imported and counted, the cut one is
 * named (file:line), and the file's outcome is "incomplete", never "ok".
 */
class TruncatedFilesTest {

    @TempDir
    Path tmp;

    static final int N = 20;

    static String jsonLine(int i) {
        return "{\"date\":\"2022-04-0" + (1 + i % 9) + "\",\"source\":\"Тестовое СМИ\",\"url\":\"https://a.example/t/" + i
                + "\",\"title\":\"Заголовок номер " + i + "\",\"text\":\"Текст сообщения\",\"lang\":\"ru\"}\n";
    }

    static String csvRow(int i) {
        return "https://a.example/c/" + i + ",2022-04-0" + (1 + i % 9) + ",Тестовое СМИ,Заголовок " + i
                + ",\"Текст, с запятой\nи второй строкой\",ru\n";
    }

    private ImportReport importFile(Path file) throws IOException {
        try (LuceneEngine e = LuceneEngine.open(tmp.resolve("idx-" + file.getFileName()));
             Source s = Sources.open(file.toString(), ImportDefaults.none())) {
            ImportReport r = new Importer(e, 1000, 60, null).run(s);
            assertEquals(r.added(), e.snapshot().articles(), "what the report counts is what is stored");
            return r;
        }
    }

    /** Cut points inside the last line, in bytes from its start (the last inside a two-byte letter). */
    @ParameterizedTest(name = "last JSON line cut after {0} bytes")
    @ValueSource(ints = {1, 40, -2, -1, -40})
    void jsonlLastLineCut(int keep) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < N - 1; i++) {
            b.append(jsonLine(i));
        }
        byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] last = jsonLine(N - 1).getBytes(StandardCharsets.UTF_8);
        int k;
        if (keep == -40) {
            // inside a Cyrillic letter of the title: the line is also bad UTF-8
            k = jsonLine(N - 1).indexOf("Заголовок") ;
            k = jsonLine(N - 1).substring(0, k).getBytes(StandardCharsets.UTF_8).length + 1;
        } else {
            k = keep > 0 ? keep : last.length - 1 + keep; // -1: only the closing brace is missing
        }
        Path f = tmp.resolve("cut.jsonl");
        byte[] all = Arrays.copyOf(head, head.length + k);
        System.arraycopy(last, 0, all, head.length, k);
        Files.write(f, all);
        ImportReport r = importFile(f);
        assertEquals("incomplete", r.outcome(), r.toString());
        assertEquals(N - 1, r.added());
        assertEquals(1, r.rejected());
        assertTrue(r.failure().startsWith(f + ":" + N + ": the file ends inside this line"), r.failure());
        assertEquals(1, r.failure().lines().count());
        assertEquals(1L, r.reasons().get("truncated or corrupt file"), r.reasons().toString());
    }

    @Test
    void jsonlWithoutAFinalLineEndIsComplete() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < N; i++) {
            b.append(jsonLine(i));
        }
        b.setLength(b.length() - 1);
        // a readable last line that is refused for what it says (no date) is a rejection, not a cut
        b.append("\n{\"url\":\"https://a.example/nodate\",\"title\":\"x\",\"text\":\"y\"}");
        Path f = tmp.resolve("whole.jsonl");
        Files.writeString(f, b);
        ImportReport r = importFile(f);
        assertEquals("ok", r.outcome(), r.toString());
        assertEquals(N, r.added());
        assertEquals(1, r.rejected());
    }

    /** A gzip file cut anywhere, including inside its 8-byte CRC/size trailer. */
    @ParameterizedTest(name = "{0} cut at {1}")
    @org.junit.jupiter.params.provider.CsvSource({"jsonl,3", "jsonl,6", "jsonl,-4", "csv,3", "csv,6", "csv,-4"})
    void gzipCut(String format, int tenthsOrTail) throws IOException {
        int lines = 3000;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(raw)) {
            if (format.equals("csv")) {
                gz.write("url,date,source,title,text,lang\n".getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < lines; i++) {
                gz.write((format.equals("csv") ? csvRow(i) : jsonLine(i)).getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] all = raw.toByteArray();
        int keep = tenthsOrTail > 0 ? all.length * tenthsOrTail / 10 : all.length + tenthsOrTail;
        Path f = tmp.resolve("cut." + format + ".gz");
        Files.write(f, Arrays.copyOf(all, keep));
        ImportReport r = importFile(f);
        assertEquals("incomplete", r.outcome(), r.toString());
        assertTrue(r.added() > 0 && r.added() <= lines, r.toString());
        Matcher m = Pattern.compile(Pattern.quote(f.toString()) + ":(\\d+): .*").matcher(r.failure());
        assertTrue(m.matches(), r.failure());
        assertEquals(1, r.failure().lines().count());
        if (tenthsOrTail < 0) {
            assertEquals(lines, r.added(), "every line was there; only the gzip trailer is missing");
        }
    }

    /** Cut inside a quoted field that spans lines, inside an unquoted field, and between fields. */
    @ParameterizedTest(name = "last CSV record cut after {0}")
    @ValueSource(strings = {"\"Текст, с за", "Заголовок 19,", "Заголовок 1", "https://a.example/c/19,2022-04-0"})
    void csvLastRecordCut(String upTo) throws IOException {
        StringBuilder b = new StringBuilder("url,date,source,title,text,lang\n");
        for (int i = 0; i < N; i++) {
            b.append(csvRow(i));
        }
        String text = b.toString();
        int lastStart = text.lastIndexOf("https://a.example/c/" + (N - 1));
        int cut = text.indexOf(upTo, lastStart) + upTo.length();
        Path f = tmp.resolve("cut.csv");
        Files.writeString(f, text.substring(0, cut));
        ImportReport r = importFile(f);
        assertEquals("incomplete", r.outcome(), r.toString());
        assertEquals(N - 1, r.added());
        assertTrue(r.failure().startsWith(f + ":" + (2 + 2 * (N - 1)) + ": "), r.failure());
        assertEquals(1, r.failure().lines().count());
    }

    @Test
    void csvWithoutAFinalLineEndIsComplete() throws IOException {
        StringBuilder b = new StringBuilder("url,date,source,title,text,lang\n");
        for (int i = 0; i < N; i++) {
            b.append(csvRow(i));
        }
        b.setLength(b.length() - 1);
        Path f = tmp.resolve("whole.csv");
        Files.writeString(f, b);
        ImportReport r = importFile(f);
        assertEquals("ok", r.outcome(), r.toString());
        assertEquals(N, r.added());
    }

    static String telegram(int messages) {
        StringBuilder b = new StringBuilder("{\n \"name\": \"Канал\",\n \"type\": \"public_channel\",\n \"id\": 1500123456,\n"
                + " \"messages\": [\n");
        for (int i = 1; i <= messages; i++) {
            b.append("  {\n   \"id\": ").append(i).append(",\n   \"type\": \"message\",\n   \"date\": \"2022-02-24T06:")
                    .append(String.format("%02d", i)).append(":00\",\n   \"date_unixtime\": \"").append(1645683000 + 60 * i)
                    .append("\",\n   \"text\": [\"Сообщение ").append(i)
                    .append(" \", {\"type\": \"bold\", \"text\": \"важно\"}]\n  }").append(i < messages ? ",\n" : "\n");
        }
        return b.append(" ]\n}\n").toString();
    }

    /** Cut inside the last message (several places), after it, and after the list. */
    @ParameterizedTest(name = "telegram export cut {0} chars before its end")
    @ValueSource(ints = {150, 100, 60, 30, 8, 4, 2})
    void telegramExportCut(int fromEnd) throws IOException {
        String all = telegram(N);
        Path f = tmp.resolve("result.json");
        Files.writeString(f, all.substring(0, all.length() - fromEnd));
        int lastStart = all.lastIndexOf("  {\n   \"id\": " + N);
        boolean insideLast = all.length() - fromEnd <= all.lastIndexOf("  }") + 2;
        ImportReport r = importFile(f);
        assertEquals("incomplete", r.outcome(), r.toString());
        assertEquals(insideLast ? N - 1 : N, r.added(), r.toString());
        assertTrue(all.length() - fromEnd > lastStart, "the cut is in the last message or after it");
        assertTrue(r.failure().matches(Pattern.quote(f.toString()) + ":\\d+: .*"), r.failure());
        assertEquals(1, r.failure().lines().count());
    }

    @Test
    void completeTelegramExportIsOk() throws IOException {
        Path f = tmp.resolve("result.json");
        Files.writeString(f, telegram(N));
        ImportReport r = importFile(f);
        assertEquals("ok", r.outcome(), r.toString());
        assertEquals(N, r.added());
        assertEquals(N, IntStream.rangeClosed(1, N).count());
    }
}
