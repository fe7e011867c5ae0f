package org.narrativewatch.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.cli.Main;
import org.narrativewatch.ingest.http.FetchPolicy;
import org.narrativewatch.ingest.http.HttpFetcher;
import org.narrativewatch.ingest.http.LocalHttpServer;
import org.narrativewatch.ingest.outlets.OutletDirectory;
import picocli.CommandLine;

class CollectorTest {

    @TempDir
    Path dir;
    private LocalHttpServer server;
    private final List<String> log = new ArrayList<>();

    static String rss(String host, int... ids) {
        StringBuilder items = new StringBuilder();
        for (int id : ids) {
            items.append("<item><title>Новость ").append(id).append("</title><link>https://").append(host)
                    .append("/news/").append(id).append("</link><description>Текст новости номер ").append(id)
                    .append(".</description><pubDate>Mon, 0").append(1 + id % 5)
                    .append(" Mar 2022 10:00:00 +0300</pubDate></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + host
                + "</title>" + items + "</channel></rss>";
    }

    static FetchPolicy fastPolicy() {
        return FetchPolicy.defaults()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(800))
                .withMinHostInterval(Duration.ZERO)
                .withRetries(2, Duration.ofMillis(20), Duration.ofSeconds(2))
                .withCaps(1 << 20, 2 << 20);
    }

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path outletsFile(String body) throws IOException {
        Path f = dir.resolve("outlets.yaml");
        Files.writeString(f, "timezone: Europe/Moscow\noutlets:\n" + body);
        return f;
    }

    private String outlet(String name, String group, String path, String extra) {
        return "  - name: " + name + "\n    group: " + group + "\n    lang: ru\n    feeds: [\"" + server.uri(path)
                + "\"]\n" + extra;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Collector collector(MemoryEngine engine, Path outlets) {
        return new Collector(engine, OutletDirectory.fromFile(outlets), StateStore.open(dir.resolve("index.collect.json")),
                new HttpFetcher(fastPolicy()), 3, log::add);
    }

    @Test
    void goodOutletsAreCommittedWhateverTheOthersDo() throws Exception {
        server.route("/good/rss", ex -> {
            ex.getResponseHeaders().set("ETag", "\"g1\"");
            if ("\"g1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalHttpServer.send(ex, 304, null, new byte[0]);
            } else {
                LocalHttpServer.send(ex, 200, "application/rss+xml",
                        rss("good.test", 1, 2).getBytes(StandardCharsets.UTF_8));
            }
        });
        server.text("/broken/rss", 200, "text/xml", "<rss version=\"2.0\"><channel><title>x</title><item>");
        server.text("/xxe/rss", 200, "text/xml", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>");
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(new byte[8 << 20]);
        }
        server.route("/bomb/rss", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalHttpServer.send(ex, 200, "text/xml", zipped.toByteArray());
        });
        server.route("/limited/rss", ex -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            LocalHttpServer.send(ex, 429, "text/plain", new byte[0]);
        });
        int dead = closedPort();
        Path outlets = outletsFile(outlet("good.test", "state", "/good/rss", "")
                + outlet("broken.test", "independent", "/broken/rss", "")
                + outlet("xxe.test", "independent", "/xxe/rss", "")
                + outlet("bomb.test", "ukrainian", "/bomb/rss", "")
                + outlet("limited.test", "international", "/limited/rss", "")
                + "  - name: dead.test\n    group: official\n    feeds: [\"http://127.0.0.1:" + dead + "/rss\"]\n"
                + "  - name: nofeeds.test\n    group: official\n    feeds: []\n");
        MemoryEngine engine = new MemoryEngine();
        try (Collector c = collector(engine, outlets)) {
            CycleReport first = c.runCycle();
            assertEquals(6, first.outlets(), first.summary());
            assertEquals(1, first.answered());
            assertEquals(1, first.unreachable());
            assertEquals(4, first.failed());
            assertEquals(2, first.added());
            assertFalse(first.offline());
            assertEquals(2, engine.committed.size(), "good outlet's articles committed");
            assertTrue(engine.pending.isEmpty());
            assertNotNull(engine.checkpoint().get(Collector.CHECKPOINT_KEY));
            Article a = engine.committed.values().iterator().next();
            assertEquals("good.test", a.outlet());
            assertEquals("state", a.group());

            var state = c.store().all();
            assertEquals("ok", state.get("good.test").result());
            assertEquals("\"g1\"", state.get("good.test").feeds().get(0).etag());
            assertEquals("bad_feed", state.get("broken.test").result());
            assertEquals("bad_feed", state.get("xxe.test").result());
            assertEquals("too_large", state.get("bomb.test").result());
            assertEquals("rate_limited", state.get("limited.test").result());
            assertNotNull(state.get("limited.test").feeds().get(0).retryAfter());
            assertEquals("unreachable", state.get("dead.test").result());
            assertTrue(state.get("broken.test").errors().get(0).message().contains("malformed feed"));

            CycleReport second = c.runCycle();
            assertEquals(0, second.added());
            assertEquals("not_modified", c.store().all().get("good.test").result());
            assertEquals(1, server.requests("/limited/rss").size(), "Retry-After of an hour honoured across cycles");
            assertEquals(5, second.outlets(), "the rate-limited outlet waits");
        }

        // a new process reads the same state: validators survive restarts
        StateStore reopened = StateStore.open(dir.resolve("index.collect.json"));
        assertEquals("\"g1\"", reopened.get("good.test", "state").feeds().get(0).etag());
        assertEquals(2, reopened.get("good.test", "state").added());
        assertEquals(2, reopened.get("good.test", "state").articlesPerDay().values().stream()
                .mapToLong(Long::longValue).sum());
        assertFalse(Files.exists(dir.resolve("index.collect.json.tmp")), "no temporary file left behind");

        // nwatch status reads it
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("status", "--index", dir.resolve("index").toString(), "--outlets", outlets.toString(),
                "--format", "json");
        assertEquals(0, code);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode rows = json.get("outlets");
        assertEquals(7, rows.size());
        JsonNode good = rows.get(0);
        assertEquals("good.test", good.get("outlet").asText());
        assertEquals("not_modified", good.get("result").asText());
        assertEquals(2, good.get("added").asLong());
        assertTrue(good.get("articlesPerDay").size() >= 1);
        assertEquals("no_feeds", rows.get(6).get("result").asText(), "an outlet without feeds is shown as such");
        assertTrue(rows.get(1).get("errors").get(0).get("message").asText().contains("malformed"));

        StringWriter text = new StringWriter();
        cl = Main.commandLine();
        cl.setOut(new PrintWriter(text));
        assertEquals(0, cl.execute("status", "--index", dir.resolve("index").toString(), "--outlets",
                outlets.toString()));
        assertTrue(text.toString().contains("good.test") && text.toString().contains("OUTLET"), text.toString());
    }

    @Test
    void noNetworkIsReportedAsOffline() throws Exception {
        Path outlets = outletsFile("  - name: a.test\n    group: state\n    feeds: [\"http://127.0.0.1:" + closedPort()
                + "/rss\"]\n  - name: b.test\n    group: state\n    feeds: [\"http://127.0.0.1:" + closedPort()
                + "/rss\"]\n");
        MemoryEngine engine = new MemoryEngine();
        try (Collector c = collector(engine, outlets)) {
            CycleReport r = c.runCycle();
            assertTrue(r.offline(), r.summary());
            String msg = Collector.offlineMessage(r, Duration.ofMinutes(30));
            assertTrue(msg.contains("offline") && msg.contains("Imported data stays available"), msg);
            assertEquals(0, engine.commits, "nothing to commit");
        }
    }

    @Test
    void fullTextReplacesTheLeadWithThePageBody() throws Exception {
        String host = "127.0.0.1:" + server.uri("/").getPort();
        String feed = "<rss version=\"2.0\"><channel><title>t</title><item><title>Статья</title><link>http://" + host
                + "/article/1</link><description>Короткий лид.</description></item></channel></rss>";
        server.text("/ft/rss", 200, "application/rss+xml; charset=utf-8", feed);
        server.text("/article/1", 200, "text/html; charset=utf-8", "<html><head>"
                + "<meta property=\"article:published_time\" content=\"2022-03-16T12:00:00+03:00\"></head><body>"
                + "<nav class=\"menu\">Меню</nav><article><p>Короткий лид.</p><p>Полный текст статьи со всеми "
                + "подробностями.</p></article></body></html>");
        Path outlets = outletsFile(outlet("ft.test", "independent", "/ft/rss", "    full_text: true\n"));
        MemoryEngine engine = new MemoryEngine();
        try (Collector c = collector(engine, outlets)) {
            c.runCycle();
            c.runCycle();
        }
        assertEquals(2, server.requests("/ft/rss").size());
        assertEquals(1, server.requests("/article/1").size(), "a page already fetched is not fetched again");
        Article a = engine.committed.values().iterator().next();
        assertEquals("Короткий лид.\n\nПолный текст статьи со всеми подробностями.", a.text());
        assertEquals("2022-03-16T12:00+03:00", a.published().toString(), "undated item dated from its page");
        assertEquals(org.narrativewatch.article.DateQuality.EXACT, a.dateQuality());
    }

    @Test
    void backgroundLoopStartsAndStopsPromptly() throws Exception {
        server.text("/good/rss", 200, "application/rss+xml", rss("bg.test", 7));
        Path outlets = outletsFile(outlet("bg.test", "state", "/good/rss", ""));
        MemoryEngine engine = new MemoryEngine();
        Collector c = collector(engine, outlets);
        c.start(Duration.ofHours(1));
        long deadline = System.currentTimeMillis() + 10_000;
        while (engine.commits == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, engine.committed.size());
        long t0 = System.nanoTime();
        c.close();
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000, "stop does not wait for the next cycle");
        assertTrue(log.stream().anyMatch(l -> l.contains("1 articles added")), log.toString());
    }
}
