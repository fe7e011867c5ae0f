package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.index.LuceneEngine;

/** Issue 19.3 and 19.7: {@code nwatch import good1 BAD… good2} attempts every file and says how each went. */
class ImportFilesTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    static Result nwatch(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss512k", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("nwatch " + String.join(" ", args) + " hung");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static String rec(String host, int i) {
        return "{\"date\":\"2022-02-24\",\"source\":\"" + host + "\",\"url\":\"https://" + host + "/" + i
                + "\",\"title\":\"Новость " + i + "\",\"lang\":\"ru\"}\n";
    }

    /** The kinds of bad file the review found stopping a run; each must fail alone. */
    static List<String> badFiles(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        Files.write(dir.resolve("empty.csv"), new byte[0]);
        names.add("empty.csv");
        Files.write(dir.resolve("utf16.csv"), "url,date,source,title\nhttps://a.example/1,2022-01-01,X,T\n"
                .getBytes(StandardCharsets.UTF_16));
        names.add("utf16.csv");
        byte[] bad = new byte[100];
        java.util.Arrays.fill(bad, (byte) 0xC3);
        Files.write(dir.resolve("badhead.csv"), concat("url,date,source,title".getBytes(StandardCharsets.UTF_8), bad));
        names.add("badhead.csv");
        Files.write(dir.resolve("zeros.csv"), new byte[4 << 20]);
        names.add("zeros.csv");
        Files.write(dir.resolve("tiny.jsonl.gz"), new byte[] {0x1f, (byte) 0x8b});
        names.add("tiny.jsonl.gz");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(raw)) {
            for (int i = 0; i < 400; i++) {
                gz.write(("<item><title>T" + i + "</title><link>https://t.example/" + i + "</link></item>")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] all = raw.toByteArray();
        Files.write(dir.resolve("cut.xml.gz"), java.util.Arrays.copyOf(all, all.length / 2));
        names.add("cut.xml.gz");
        Files.writeString(dir.resolve("doctype.rss"), "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x \"y\">]><rss/>");
        names.add("doctype.rss");
        Files.writeString(dir.resolve("notfeed.xml"), "<html><body>not a feed</body></html>");
        names.add("notfeed.xml");
        Files.writeString(dir.resolve("broken.warc"), "this is not an archive\n");
        names.add("broken.warc");
        Files.writeString(dir.resolve("notexport.json"), "{\n \"name\": 5\n}\n");
        names.add("notexport.json");
        Files.writeString(dir.resolve("unknown.txt"), "hello");
        names.add("unknown.txt");
        Files.createDirectories(dir.resolve("a-folder.jsonl"));
        names.add("a-folder.jsonl");
        names.add("missing.jsonl");
        names.add("http://[::1/x");
        names.add("http://a b/x");
        return names;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void everyFileIsAttemptedAndEachOutcomeReported() throws Exception {
        Files.writeString(tmp.resolve("good1.jsonl"), rec("one.example", 1) + rec("one.example", 2));
        Files.writeString(tmp.resolve("good2.jsonl"), rec("two.example", 1) + rec("two.example", 2) + rec("two.example", 3));
        List<String> bad = badFiles(tmp);
        List<String> args = new ArrayList<>(List.of("import", "--index", "idx", "good1.jsonl"));
        args.addAll(bad);
        args.add("good2.jsonl");
        Result r = nwatch(tmp, args.toArray(String[]::new));

        assertEquals(1, r.code(), r.out() + r.err());
        assertFalse(r.out().contains("Exception") || r.err().contains("Exception") || r.err().contains("\tat "),
                "no stack trace, no exception class names:\n" + r.out() + r.err());
        assertEquals(1, r.err().lines().count(), "one line on stderr: " + r.err());
        String summary = r.out().substring(r.out().indexOf("\nfiles:\n"));
        assertTrue(summary.contains("ok         good1.jsonl (2 added"), summary);
        assertTrue(summary.contains("ok         good2.jsonl (3 added"), summary);
        for (String b : bad) {
            assertTrue(summary.lines().anyMatch(l -> l.matches("  (failed|incomplete) +" + java.util.regex.Pattern.quote(b) + " .*")),
                    b + " has a failed outcome:\n" + summary);
        }
        try (LuceneEngine e = LuceneEngine.open(tmp.resolve("idx"))) {
            assertEquals(5, e.snapshot().articles(), "the files after the bad ones were read");
        }
    }
}
