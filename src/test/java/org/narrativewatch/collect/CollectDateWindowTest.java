package org.narrativewatch.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.cli.Main;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.ingest.http.LocalHttpServer;
import picocli.CommandLine;

/**
 * {@code nwatch collect} takes the import's date window (--min-date, --max-date) and refuses the
 * items outside it with the import's counted reasons, which {@code nwatch status} shows per outlet
 * and per feed. The counts describe what the feed holds: fetching the same items again, or a 304,
 * does not inflate them.
 */
class CollectDateWindowTest {

    @TempDir
    Path dir;
    private LocalHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String item(String link, String pubDate) {
        return "<item><title>Новость</title><link>" + link + "</link><description>Текст новости.</description><pubDate>"
                + pubDate + "</pubDate></item>";
    }

    private static String feed(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + String.join("", items) + "</channel></rss>";
    }

    private Path outlets(String path) throws IOException {
        Path f = dir.resolve("outlets.yaml");
        Files.writeString(f, "timezone: Europe/Moscow\noutlets:\n  - name: window.test\n    group: state\n    lang: ru\n"
                + "    feeds: [\"" + server.uri(path) + "\"]\n");
        return f;
    }

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private JsonNode status(Path outlets) throws IOException {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "status", "--index", dir.resolve("index").toString(), "--outlets",
                outlets.toString(), "--format", "json"));
        return new ObjectMapper().readTree(out.toString()).get("outlets").get(0);
    }

    private long stored() throws IOException {
        try (LuceneEngine e = LuceneEngine.open(dir.resolve("index"))) {
            return e.snapshot().articles();
        }
    }

    @Test
    void theWindowOptionsRefuseAndCountAsImportDoes() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        String body = feed(
                item("https://window.test/1", "Wed, 02 Mar 2022 10:00:00 +0300"),
                item("https://window.test/2", "Fri, 04 Mar 2022 23:30:00 +0300"),
                item("https://window.test/3", "Sat, 05 Mar 2022 01:00:00 +0300"),
                item("https://window.test/4", "Mon, 07 Mar 2022 10:00:00 +0300"),
                item("https://window.test/5", "Tue, 01 Mar 2022 10:00:00 +0300"));
        server.route("/rss", ex -> {
            fetches.incrementAndGet();
            ex.getResponseHeaders().set("ETag", "\"w1\"");
            if ("\"w1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match")) && fetches.get() == 3) {
                LocalHttpServer.send(ex, 304, null, new byte[0]);
            } else {
                LocalHttpServer.send(ex, 200, "application/rss+xml", body.getBytes(StandardCharsets.UTF_8));
            }
        });
        Path outlets = outlets("/rss");
        String[] collect = {"collect", "--once", "--index", dir.resolve("index").toString(), "--outlets",
                outlets.toString(), "--host-interval", "0", "--min-date", "2022-03-02", "--max-date", "2022-03-04"};
        StringWriter err = new StringWriter();
        assertEquals(0, run(new StringWriter(), err, collect), err.toString());
        assertEquals(2, stored(), "only the items dated 2022-03-02 .. 2022-03-04 (in their own offset) are stored");
        assertTrue(err.toString().contains("3 items rejected (date after the accepted window: 2, date before the accepted"
                + " window: 1)"), err.toString());

        Map<String, Long> expected = Map.of("date after the accepted window", 2L, "date before the accepted window", 1L);
        JsonNode outlet = status(outlets);
        assertEquals(expected, counts(outlet.get("rejected")));
        assertEquals(expected, counts(outlet.get("feeds").get(0).get("rejected")));

        // the same items again (200), then a 304: the counts say what the feed holds, they do not grow
        assertEquals(0, run(new StringWriter(), new StringWriter(), collect));
        assertEquals(0, run(new StringWriter(), new StringWriter(), collect));
        assertEquals(3, fetches.get());
        outlet = status(outlets);
        assertEquals("not_modified", outlet.get("result").asText());
        assertEquals(expected, counts(outlet.get("rejected")));
        assertEquals(2, stored());

        StringWriter text = new StringWriter();
        assertEquals(0, run(text, new StringWriter(), "status", "--index", dir.resolve("index").toString(), "--outlets",
                outlets.toString()));
        assertTrue(text.toString().contains("REJECTED"), text.toString());
        assertTrue(text.toString().contains("window.test: rejected 2: date after the accepted window"), text.toString());
        assertTrue(text.toString().contains("window.test: rejected 1: date before the accepted window"), text.toString());
    }

    @Test
    void theDefaultWindowRefusesFarFutureAndAncientDates() throws Exception {
        server.text("/rss", 200, "application/rss+xml", feed(
                item("https://window.test/ok", "Wed, 02 Mar 2022 10:00:00 +0300"),
                item("https://window.test/2099", "Thu, 01 Jan 2099 10:00:00 +0000"),
                item("https://window.test/1850", "Tue, 01 Jan 1850 10:00:00 +0000")));
        Path outlets = outlets("/rss");
        StringWriter err = new StringWriter();
        assertEquals(0, run(new StringWriter(), err, "collect", "--once", "--index", dir.resolve("index").toString(),
                "--outlets", outlets.toString(), "--host-interval", "0"), err.toString());
        assertEquals(1, stored());
        assertEquals(Map.of("date in the future", 1L, "date before the accepted window", 1L),
                counts(status(outlets).get("rejected")));
    }

    @Test
    void badWindowOptionsAreErrorsNamingTheOption() throws Exception {
        Path outlets = outlets("/rss");
        StringWriter err = new StringWriter();
        // a user error: exit 1 and one line naming the option, as for import
        assertEquals(1, run(new StringWriter(), err, "collect", "--once", "--index", dir.resolve("index").toString(),
                "--outlets", outlets.toString(), "--max-date", "2022-13-01"));
        assertTrue(err.toString().contains("max-date"), err.toString());
        err = new StringWriter();
        int code = run(new StringWriter(), err, "collect", "--once", "--index", dir.resolve("index").toString(),
                "--outlets", outlets.toString(), "--min-date", "2022-03-05", "--max-date", "2022-03-01");
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("min-date") && err.toString().contains("max-date"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> m = new java.util.TreeMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }
}
