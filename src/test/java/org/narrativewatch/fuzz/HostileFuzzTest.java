package org.narrativewatch.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.cli.Main;
import org.narrativewatch.index.CostlyCorpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.ingest.ImportDefaults;
import org.narrativewatch.ingest.ImportReport;
import org.narrativewatch.ingest.Importer;
import org.narrativewatch.ingest.Source;
import org.narrativewatch.ingest.Sources;
import org.narrativewatch.query.Query;
import org.narrativewatch.server.AccessToken;
import org.narrativewatch.server.DashboardServer;
import org.narrativewatch.server.EventStore;
import org.narrativewatch.server.ServerOptions;
import org.narrativewatch.timeline.Bucketing;
import picocli.CommandLine;

/**
 * Issue 19, "done when": seeded hostile files and queries against the CLI, the importer and the
 * server. For every case: exit code 0, 1 or 2; at most one line on stderr, naming the file (or the
 * query) and never a stack trace; no hang; and the index as it was before still there, unchanged.
 * The seed is printed with every failure: {@code -Dfuzz.seed=N} replays a run.
 */
class HostileFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 19_2026L);
    static final int FILES = Integer.getInteger("fuzz.files", 100);
    static final int QUERIES = Integer.getInteger("fuzz.queries", 160);
    static final int BASE = 60;

    @TempDir
    Path tmp;

    record Run(int code, String err) {}

    static Run nwatch(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return new Run(Main.execute(cl, args), err.toString());
    }

    static String line(String outlet, String url, String date, String title) {
        return "{\"date\":\"" + date + "\",\"source\":\"" + outlet + "\",\"url\":\"" + url + "\",\"title\":\"" + title
                + "\",\"text\":\"Переговоры и заявления\",\"lang\":\"ru\"}";
    }

    /** The index every case runs against, and its figures before any hostile input. */
    private Path baseIndex() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < BASE; i++) {
            sb.append(line("Base", "https://base.example/" + i, "2022-03-" + String.format("%02d", 1 + i % 28),
                    i % 3 == 0 ? "Путин провёл переговоры " + i : "Новости дня " + i)).append('\n');
        }
        Path f = tmp.resolve("base.jsonl");
        Files.writeString(f, sb.toString());
        Path idx = tmp.resolve("idx");
        assertEquals(0, nwatch("import", "--index", idx.toString(), f.toString()).code());
        return idx;
    }

    private static String fingerprint(Path idx) throws IOException {
        try (LuceneEngine e = LuceneEngine.open(idx)) {
            Selection base = new Selection(java.time.LocalDate.of(2022, 3, 1), java.time.LocalDate.of(2022, 3, 28),
                    java.util.Set.of("Base"), null, null);
            var s = org.narrativewatch.index.Corpus.of(e).timeline(Query.parse("путин"), base, Bucketing.DAY, Engine.CountUnit.ARTICLES);
            var hits = e.search(Query.parse("*"), base, 1000, Engine.HitOrder.NEWEST);
            StringBuilder b = new StringBuilder().append(hits.total()).append('|');
            s.buckets().forEach(x -> b.append(x.start()).append(':').append(x.count()).append('/').append(x.total()).append(' '));
            hits.hits().stream().map(h -> h.url() + "=" + h.title().text()).sorted().forEach(u -> b.append(u).append(';'));
            return b.toString();
        }
    }

    // ---- generated files ----------------------------------------------------------------------

    record Case(String name, byte[] bytes) {}

    static final String[] EXT = {".jsonl", ".jsonl", ".jsonl.gz", ".csv", ".csv.gz", ".rss", ".xml", ".xml.gz",
            ".warc", ".json", ".ndjson", ".tsv", ".atom"};

    static Case generate(Random r, int n) throws IOException {
        String ext = EXT[r.nextInt(EXT.length)];
        String base = ext.replace(".gz", "");
        byte[] body = switch (base) {
            case ".jsonl", ".ndjson", ".json" -> jsonl(r);
            case ".csv", ".tsv" -> csv(r);
            case ".rss", ".xml", ".atom" -> feed(r);
            default -> warc(r);
        };
        if (ext.endsWith(".gz")) {
            body = gzip(r, body);
        }
        if (r.nextInt(8) == 0) {
            body = mutateBytes(r, body);
        }
        return new Case("case" + n + ext, body);
    }

    static final String[] DATES = {"2022-02-24", "2022-02-24T05:30:00+03:00", "2099-01-01", "-1199-01-01", "0000-01-01",
            "+99999-01-01", "4102444800", "99999999999999999999", "1970-01-01", "1899-12-31", "2022-13-45", "", "null",
            "24.02.2022", "2022-02-24T24:00:00", "Thu, 24 Feb 2022 10:00:00 GMT"};

    static String hostileText(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> "\u001b[2J\u001b]0;owned\u0007 заголовок";
            case 1 -> "x".repeat(32_700 + r.nextInt(200));
            case 2 -> "ж".repeat(11_000 + r.nextInt(3000));
            case 3 -> "\\u0000\\u2028\\u0085\\ud800";
            case 4 -> "<script>alert(1)</script>";
            case 5 -> "\u202e\u2066 reversed";
            case 6 -> "";
            case 7 -> "=cmd|' /C calc'!A0";
            default -> "Новость " + r.nextInt(1000);
        };
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    static byte[] jsonl(Random r) {
        StringBuilder sb = new StringBuilder();
        int lines = 1 + r.nextInt(30);
        String[] seps = {"\n", "\n", "\n", "\r\n", "\r", "\u2028", "\u0085", "", " "};
        String sep = seps[r.nextInt(seps.length)];
        for (int i = 0; i < lines; i++) {
            switch (r.nextInt(12)) {
                case 0 -> sb.append("[".repeat(1 + r.nextInt(3000)));
                case 1 -> sb.append("{\"date\":").append(r.nextInt()).append(",\"source\":[1,2],\"title\":{\"a\":null}}");
                case 2 -> sb.append("not json at all \u0001\u0002");
                case 3 -> sb.append(line("Fuzz", "javascript:alert(" + i + ")", "2022-02-24", "js"));
                default -> sb.append("{\"date\":").append(json(DATES[r.nextInt(DATES.length)]))
                        .append(",\"source\":").append(json(r.nextInt(6) == 0 ? hostileText(r) : "Fuzz"))
                        .append(",\"url\":").append(json(r.nextInt(6) == 0 ? "https://f.example/" + hostileText(r)
                                : "https://f.example/" + r.nextInt(100_000)))
                        .append(",\"title\":").append(json(hostileText(r)))
                        .append(",\"lang\":").append(json(r.nextInt(8) == 0 ? hostileText(r) : "ru"))
                        .append(r.nextInt(8) == 0 ? ",\"group\":" + json(hostileText(r)) : "")
                        .append('}');
            }
            sb.append(sep);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] csv(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> new byte[0];
            case 1 -> "url,date,source,title\nhttps://c.example/1,2022-01-01,Fuzz,T\n".getBytes(StandardCharsets.UTF_16);
            case 2 -> new byte[1 + r.nextInt(100_000)];
            case 3 -> "url,date,source,title\n\"unclosed,2022-01-01,Fuzz,T\nhttps://c.example/2,2022-01-01,Fuzz,T\n"
                    .getBytes(StandardCharsets.UTF_8);
            default -> {
                StringBuilder sb = new StringBuilder(r.nextBoolean() ? "url,date,source,title,lang\n" : "a;b;c\n");
                for (int i = 0; i < 1 + r.nextInt(20); i++) {
                    String title = hostileText(r).replace("\"", "\"\"");
                    sb.append("https://c.example/").append(r.nextInt(100_000)).append(',')
                            .append(DATES[r.nextInt(DATES.length)].replace(",", "")).append(",Fuzz,\"").append(title)
                            .append("\",ru\n");
                }
                yield sb.toString().getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    static byte[] feed(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(10) == 0) {
            sb.append("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
        }
        sb.append("<rss version=\"2.0\"><channel><title>f</title>");
        for (int i = 0; i < r.nextInt(15); i++) {
            String link = switch (r.nextInt(6)) {
                case 0 -> "javascript:alert(1)";
                case 1 -> "http://[::1/x";
                case 2 -> "https://f.example/" + "y".repeat(40_000);
                case 3 -> "";
                default -> "https://feed.example/" + r.nextInt(100_000);
            };
            String desc = switch (r.nextInt(5)) {
                case 0 -> "<b>".repeat(1200) + "x" + "</b>".repeat(1200);
                case 1 -> "<![CDATA[" + "<div>".repeat(1500) + "x]]>";
                default -> "Текст";
            };
            String date = r.nextInt(4) == 0 ? "Fri, 01 Jan 2099 00:00:00 GMT" : "Thu, 24 Feb 2022 10:00:00 GMT";
            sb.append("<item><title>").append(hostileText(r).replace("<", "&lt;").replace("&", "&amp;")
                            .replace("\u0000", "").replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]", ""))
                    .append("</title><link>").append(link.replace("&", "&amp;")).append("</link><description>")
                    .append(desc).append("</description><pubDate>").append(date).append("</pubDate></item>");
        }
        if (r.nextInt(5) != 0) {
            sb.append("</channel></rss>");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] warc(Random r) {
        String body = "<html><body><p>" + hostileText(r) + "</p></body></html>";
        String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body;
        String target = r.nextBoolean() ? "https://w.example/" + r.nextInt(1000) : (r.nextBoolean() ? "javascript:x" : "");
        String rec = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + java.util.UUID.randomUUID()
                + ">\r\nWARC-Date: 2023-05-10T08:00:00Z\r\nWARC-Target-URI: " + target
                + "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: "
                + http.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + http + "\r\n\r\n";
        byte[] b = rec.getBytes(StandardCharsets.UTF_8);
        return r.nextBoolean() ? b : java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
    }

    static byte[] gzip(Random r, byte[] body) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(raw)) {
            gz.write(body);
            if (r.nextInt(10) == 0) {
                gz.write(new byte[6 << 20]); // expands far beyond any text
            }
        }
        byte[] all = raw.toByteArray();
        return r.nextInt(4) == 0 ? java.util.Arrays.copyOf(all, r.nextInt(all.length + 1)) : all;
    }

    static byte[] mutateBytes(Random r, byte[] body) {
        byte[] b = body.length == 0 ? new byte[] {'{'} : body.clone();
        for (int i = 0; i < 1 + r.nextInt(8); i++) {
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
        return b;
    }

    static void assertOneLine(String what, String err) {
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), what + ": stack trace\n" + err);
        assertTrue(err.lines().count() <= 1, what + ": more than one line on stderr\n" + err);
    }

    @Test
    void hostileFilesNeverCrashHangOrTouchWhatWasStored() throws Exception {
        Path idx = baseIndex();
        String before = fingerprint(idx);
        Path apiIdx = tmp.resolve("idx-api");
        Files.createDirectories(apiIdx);
        try (var files = Files.list(idx)) {
            for (Path p : files.toList()) {
                if (!p.getFileName().toString().equals("write.lock")) {
                    Files.copy(p, apiIdx.resolve(p.getFileName()));
                }
            }
        }
        Random r = new Random(SEED);
        Path dir = Files.createDirectories(tmp.resolve("cases"));
        long t0 = System.nanoTime();
        int failedFiles = 0;
        try (LuceneEngine e = LuceneEngine.open(apiIdx)) {
        for (int n = 0; n < FILES; n++) {
            long c0 = System.nanoTime();
            Case c = generate(r, n);
            Path f = dir.resolve(c.name());
            Files.write(f, c.bytes());
            String what = "seed " + SEED + " case " + n + " (" + c.name() + ")";
            // the importer's own report: every message one line, naming the file
            {
                ImportReport rep;
                try (Source s = Sources.open(f.toString(), ImportDefaults.none())) {
                    rep = new Importer(e, 1000, 60, null).run(s);
                } catch (org.narrativewatch.UserException u) {
                    rep = ImportReport.failed(f.toString(), u.getMessage());
                }
                for (String x : rep.examples()) {
                    assertTrue(x.startsWith(f.toString()) && x.lines().count() == 1, what + ": " + x);
                }
                if (rep.failure() != null) {
                    failedFiles++;
                    assertTrue(rep.failure().startsWith(f.toString()) && rep.failure().lines().count() == 1,
                            what + ": " + rep.failure());
                }
            }
            // and through the CLI, as a user runs it, with a bound on time
            Run run = runWithin(Duration.ofSeconds(60), what, "import", "--index", idx.toString(), f.toString());
            assertTrue(run.code() == 0 || run.code() == 1 || run.code() == 2, what + ": exit " + run.code());
            assertOneLine(what, run.err());
            if (run.code() == 1) {
                assertTrue(run.err().startsWith("nwatch: ") && run.err().contains(f.getFileName().toString()), what + ": " + run.err());
            }
            if (System.nanoTime() - c0 > 1_500_000_000L) {
                System.out.printf("fuzz slow case %s: %.1f s, %d bytes%n", c.name(), (System.nanoTime() - c0) / 1e9, c.bytes().length);
            }
        }
        }
        assertTrue(failedFiles > FILES / 10, "the generator makes bad files: " + failedFiles);
        assertEquals(before, fingerprint(idx), "what was stored before is unchanged");
        assertEquals(before, fingerprint(apiIdx), "what was stored before is unchanged (importer API)");
        try (var d = FSDirectory.open(idx); CheckIndex ci = new CheckIndex(d)) {
            assertTrue(ci.checkIndex().clean, "CheckIndex clean");
        }
        long slow = 0;
        System.out.printf("fuzz files: %d cases, %d failed as files, %.1f s (seed %d)%n", FILES, failedFiles,
                (System.nanoTime() - t0) / 1e9, SEED);
    }

    static Run runWithin(Duration limit, String what, String... args) throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            Future<Run> f = one.submit(() -> nwatch(args));
            try {
                return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                f.cancel(true);
                throw new AssertionError(what + ": no answer within " + limit.toSeconds() + " s (a hang)");
            }
        } finally {
            one.shutdownNow();
        }
    }

    // ---- generated queries --------------------------------------------------------------------

    static final String[] WORDS = {"путин", "пере*", "переговоры", "\"мирные переговоры\"", "*", "зеленск*", "war",
            "НАТО", "с", "ё", "a*", "\u001b[2J", "\u0000", "\uD83D\uDE00", "'", "\\", "&&", "||"};
    static final String[] OPS = {" AND ", " OR ", " NOT ", " ", " NEAR/3 ", " NEAR/1000 ", " NEAR/0 ", " NEAR/-1 ",
            " NEAR/99999999999 ", " AND NOT ", " OR OR "};

    /**
     * Queries that took the server down or crashed the CLI (issue 19.1): 10,000 nested parentheses,
     * a 5,000-term OR, NEAR chains of plain words and of prefixes, a short prefix in a NEAR, the
     * 390-character chain of twenty {@code пере*} joined by NEAR/1000.
     */
    static List<String> extremeQueries() {
        List<String> out = new ArrayList<>();
        out.add("(".repeat(10_000) + "путин" + ")".repeat(10_000));
        out.add("(".repeat(10_000) + "путин");
        out.add("NOT ".repeat(5_000) + "путин");
        out.add(chain("слово", 5_000, " OR ", true));
        out.add(chain("путин", 9, " NEAR/10 ", false));
        out.add(chain("путин", 12, " NEAR/10 ", false));
        out.add("пре* NEAR/10 путин");
        out.add(chain("пере*", 20, " NEAR/1000 ", false));
        out.add(chain("пере*", 4, " NEAR/1000 ", false));
        out.add("\"" + chain("пере*", 40, " ", false) + "\"");
        out.add(chain("(путин OR пере*)", 10, " NEAR/5 ", false));
        return out;
    }

    static String chain(String word, int n, String op, boolean numbered) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < n; i++) {
            q.append(i > 0 ? op : "").append(word).append(numbered ? Integer.toString(i) : "");
        }
        return q.toString();
    }

    static String query(Random r) {
        StringBuilder q = new StringBuilder();
        switch (r.nextInt(9)) {
            case 0 -> q.append("(".repeat(1 + r.nextInt(10_000))).append("путин").append(")".repeat(r.nextInt(10_000)));
            case 1 -> q.append(chain("слово", 2 + r.nextInt(5_000), " OR ", true));
            case 2 -> q.append("\"").append(WORDS[r.nextInt(WORDS.length)]);
            case 3 -> {
                String[] words = {"пере*", "путин", "пре*", "зеленск*", "с", "переговоры"};
                int n = 2 + r.nextInt(25);
                for (int i = 0; i < n; i++) {
                    q.append(i > 0 ? " NEAR/" + r.nextInt(1001) + " " : "").append(words[r.nextInt(words.length)]);
                }
            }
            default -> {
                int terms = 1 + r.nextInt(8);
                for (int i = 0; i < terms; i++) {
                    if (i > 0) {
                        q.append(OPS[r.nextInt(OPS.length)]);
                    }
                    if (r.nextInt(6) == 0) {
                        q.append('(');
                    }
                    q.append(WORDS[r.nextInt(WORDS.length)]);
                    if (r.nextInt(6) == 0) {
                        q.append(')');
                    }
                }
            }
        }
        return q.toString();
    }

    @Test
    void hostileQueriesAreOneLineErrorsOrAnswers() throws Exception {
        Path idx = baseIndex();
        String before = fingerprint(idx);
        Random r = new Random(SEED + 1);
        int errors = 0;
        List<String> extreme = extremeQueries();
        for (int n = 0; n < QUERIES + extreme.size(); n++) {
            String q = n < extreme.size() ? extreme.get(n) : query(r);
            String what = "seed " + (SEED + 1) + " query " + n + " [" + (q.length() > 80 ? q.substring(0, 80) + "…" : q) + "]";
            String[] cmd = r.nextBoolean()
                    ? new String[] {"search", "--index", idx.toString(), q}
                    : new String[] {"timeline", "--index", idx.toString(), q, "--by", r.nextBoolean() ? "day" : "month",
                            "--from", r.nextBoolean() ? "0001-01-01" : "2022-01-01", "--to", "9999-12-31"};
            Run run = runWithin(Duration.ofSeconds(30), what, cmd);
            assertTrue(run.code() == 0 || run.code() == 1, what + ": exit " + run.code() + " " + run.err());
            assertFalse(run.err().contains("\tat ") || run.err().contains("Exception in thread"), what + ": stack trace\n" + run.err());
            // one message line; a query error may add the query and a caret under the column
            assertTrue(run.err().lines().count() <= 3, what + ": " + run.err());
            if (run.code() == 1) {
                errors++;
                // a syntax error names its column; a query over the limits or the budget names its costliest part
                assertTrue(run.err().startsWith("nwatch: query error at column ")
                        || run.err().startsWith("nwatch: query error: ") && run.err().lines().count() == 1, what + ": " + run.err());
            }
        }
        assertTrue(errors > 0, "the generator makes bad queries");
        assertEquals(before, fingerprint(idx));
    }

    // ---- the server under hostile requests ------------------------------------------------------

    /** The server's query workers (light and heavy lanes) are all back in their pools, doing no engine work. */
    static void assertWorkersIdleWithin(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        List<String> busy;
        do {
            busy = new ArrayList<>();
            for (var e : Thread.getAllStackTraces().entrySet()) {
                String name = e.getKey().getName();
                if (!name.startsWith("nwatch-query-") && !name.startsWith("nwatch-heavy-query-")) {
                    continue;
                }
                for (StackTraceElement f : e.getValue()) {
                    if (f.getClassName().startsWith("org.narrativewatch.") || f.getClassName().startsWith("org.apache.lucene.")) {
                        busy.add(name + " in " + f);
                        break;
                    }
                }
            }
            if (busy.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < end);
        throw new AssertionError("query workers still busy " + limit.toMillis() + " ms after the last answer: " + busy);
    }

    @Test
    void serverNeverAnswers500AndStaysResponsiveUnderHostileRequests() throws Exception {
        // an index on which the hostile NEAR chain runs for many seconds, so the hostile requests really load the server
        Path idx = CostlyCorpus.shared();
        try (LuceneEngine engine = LuceneEngine.open(idx);
             DashboardServer server = new DashboardServer(engine, ServerOptions.defaults(tmp.resolve("events.csv"))
                     .withPort(0).withQueryTimeout(Duration.ofSeconds(2)), new AccessToken("fuzz-token-0123456789abcdef", "test", false),
                     EventStore.open(tmp.resolve("events.csv")), null).start()) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + server.port();
            Random r = new Random(SEED + 2);
            List<String> hostile = new ArrayList<>();
            String[] paths = {"/api/timeline", "/api/search", "/api/breakdown", "/api/timelines", "/api/shifts"};
            for (int i = 0; i < 200; i++) {
                StringBuilder u = new StringBuilder(paths[r.nextInt(paths.length)]).append("?q=")
                        .append(URLEncoder.encode(query(r), StandardCharsets.UTF_8));
                if (r.nextBoolean()) {
                    u.append("&from=").append(URLEncoder.encode(new String[] {"0001-01-01", "-999999999-01-01",
                            "2022-02-30", "x", "+10000-01-01"}[r.nextInt(5)], StandardCharsets.UTF_8));
                }
                if (r.nextBoolean()) {
                    u.append("&to=9999-12-31&by=").append(new String[] {"day", "week", "month", "year", ""}[r.nextInt(5)]);
                }
                if (r.nextInt(5) == 0) {
                    u.append("&limit=").append(new String[] {"-1", "0", "99999999999", "1e9"}[r.nextInt(4)]);
                }
                hostile.add(u.toString());
            }
            // the extreme queries, and the expensive chain (under the budget: it runs until the timeout) every 20th request
            List<String> heavy = new ArrayList<>(extremeQueries());
            for (int i = 0; i < 10; i++) {
                heavy.add(CostlyCorpus.HOSTILE);
            }
            for (int i = 0; i < heavy.size(); i++) {
                hostile.add(Math.min(hostile.size(), i * 20), paths[i % 3] + "?q=" + URLEncoder.encode(heavy.get(i), StandardCharsets.UTF_8));
            }
            String normalQuery = base + "/api/timeline?q=" + URLEncoder.encode(CostlyCorpus.NORMAL, StandardCharsets.UTF_8) + "&by=week";
            for (int i = 0; i < 5; i++) { // a warm server: the first calls load the analyzers and compile
                client.send(HttpRequest.newBuilder(URI.create(normalQuery)).build(), HttpResponse.BodyHandlers.ofString());
            }
            AtomicInteger fiveHundreds = new AtomicInteger();
            AtomicInteger stopped = new AtomicInteger();
            List<String> bad = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean done = new AtomicBoolean();
            int clients = 3;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < clients; w++) {
                int start = w;
                workers.add(pool.submit(() -> {
                    for (int i = start; i < hostile.size(); i += clients) {
                        try {
                            HttpResponse<String> resp = client.send(HttpRequest.newBuilder(URI.create(base + hostile.get(i)))
                                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                            // 501 (shift detection not configured here) and 503 (busy, timed out) are answers
                            if (resp.statusCode() == 503 && resp.body().contains("was stopped")) {
                                stopped.incrementAndGet();
                            }
                            if (resp.statusCode() >= 500 && resp.statusCode() != 501 && resp.statusCode() != 503) {
                                fiveHundreds.incrementAndGet();
                                bad.add(resp.statusCode() + " " + hostile.get(i) + " " + resp.body());
                            }
                        } catch (IOException | InterruptedException e) {
                            bad.add("no answer: " + hostile.get(i) + " " + e);
                        }
                    }
                    return null;
                }));
            }
            List<Long> normal = new ArrayList<>();
            while (workers.stream().anyMatch(f -> !f.isDone())) {
                long t0 = System.nanoTime();
                HttpResponse<String> resp = client.send(HttpRequest.newBuilder(URI.create(normalQuery))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                normal.add((System.nanoTime() - t0) / 1_000_000);
                assertEquals(200, resp.statusCode(), resp.body());
                Thread.sleep(50);
            }
            for (Future<?> f : workers) {
                f.get();
            }
            pool.shutdown();
            done.set(true);
            assertEquals(0, fiveHundreds.get(), String.join("\n", bad));
            assertTrue(stopped.get() > 0, "no hostile query ran into the timeout: the index is not costly enough to test this");
            assertWorkersIdleWithin(Duration.ofMillis(500));
            assertTrue(bad.isEmpty(), String.join("\n", bad));
            long worst = normal.stream().mapToLong(Long::longValue).max().orElse(0);
            assertTrue(worst < 1000, "a normal query took " + worst + " ms under hostile load: " + normal);
            System.out.printf("fuzz server: %d hostile requests (%d stopped at the timeout), %d normal queries, worst %d ms%n",
                    hostile.size(), stopped.get(), normal.size(), worst);
            assertNotEquals(0, normal.size());
        }
    }
}
