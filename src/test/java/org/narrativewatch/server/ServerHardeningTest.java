package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.index.Engine;

/** Issue 19.9 and 19.10: bodies capped however sent, headers on refusals, CSV cells, leftover temporaries. */
class ServerHardeningTest {

    private static final String TOKEN = "hardening-token-0123456789";
    private static final int CAP = 64 * 1024;

    @TempDir
    Path dir;
    Engine engine;
    DashboardServer server;
    Http http;

    @BeforeEach
    void start() throws IOException {
        engine = FixtureCorpus.build(dir.resolve("index"));
        ServerOptions opts = new ServerOptions("127.0.0.1", 0, dir.resolve("events.csv"), Duration.ofSeconds(10), 2,
                200, CAP);
        server = new DashboardServer(engine, opts, new AccessToken(TOKEN, "test", false),
                EventStore.open(dir.resolve("events.csv")), null).start();
        http = new Http(server.port());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        engine.close();
    }

    /** Sends a chunked POST of {@code total} bytes (or until the server stops reading) and returns the answer. */
    private String chunked(String path, long total, boolean withToken) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
                    + (withToken ? "X-NWatch-Token: " + TOKEN + "\r\n" : "")
                    + "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = ("2023-01-01,x\n".repeat(2500)).getBytes(StandardCharsets.US_ASCII);
            byte[] head = "date,label\n".getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                out.write((Integer.toHexString(head.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(head);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                while (sent < total) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    sent += chunk.length;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the server closed the connection after answering: read what it said
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try {
                in.transferTo(buf);
            } catch (IOException e) {
                // connection reset after the answer
            }
            return buf.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void chunkedBodiesAreCappedLikeSizedOnes() throws Exception {
        long before = usedHeap();
        String r = chunked("/api/events.csv", 100L << 20, true);
        assertTrue(r.startsWith("HTTP/1.1 413"), r.lines().findFirst().orElse("(no answer)"));
        assertTrue(r.contains("larger than " + CAP + " bytes"), r);
        // without the token the body is never read either
        String noToken = chunked("/api/events.csv", 50L << 20, false);
        assertTrue(noToken.startsWith("HTTP/1.1 401") || noToken.startsWith("HTTP/1.1 413"),
                noToken.lines().findFirst().orElse("(no answer)"));
        assertTrue(usedHeap() - before < 64L << 20, "the body was not read into memory");
        assertEquals(200, http.get("/api/stats").statusCode(), "the server still answers");
        // a small chunked body is still accepted
        String small = chunked("/api/events.csv", 1, true);
        assertTrue(small.startsWith("HTTP/1.1 200"), small);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void everyRangeIsBoundedByTheCorpus() throws Exception {
        var stats = org.narrativewatch.index.Corpus.of(engine).stats();
        long corpusDays = java.time.temporal.ChronoUnit.DAYS.between(stats.from(), stats.to()) + 1;
        var r = http.get("/api/timeline?q=" + Http.enc("переговоры") + "&from=0001-01-01&to=9999-12-31&by=day");
        assertEquals(200, r.statusCode(), r.body());
        var json = Views.MAPPER.readTree(r.body());
        assertEquals(corpusDays, json.path("buckets").size(), "buckets of the corpus range only");
        assertTrue(r.body().length() < 100_000, "a small answer: " + r.body().length() + " chars");
        for (String bad : new String[] {"-999999999-01-01", "+999999999-12-31", "0000-01-01"}) {
            var e = http.get("/api/timeline?q=x&from=" + Http.enc(bad) + "&by=day");
            assertEquals(400, e.statusCode(), bad + ": " + e.body());
            assertTrue(e.body().contains("parameter from"), e.body());
        }
        var s = http.get("/api/search?q=x&from=" + Http.enc("-999999999-01-01"));
        assertEquals(400, s.statusCode(), s.body());
    }

    @Test
    void refusalsCarryTheSecurityHeaders() throws Exception {
        String r = http.raw("/api/stats", "evil.example:" + http.port);
        assertTrue(r.startsWith("HTTP/1.1 403"), r);
        String headers = r.substring(0, r.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        for (String h : new String[] {"content-security-policy:", "x-content-type-options: nosniff",
                "x-frame-options: deny", "referrer-policy: no-referrer", "cache-control: no-store"}) {
            assertTrue(headers.contains(h), h + " missing from the 403:\n" + headers);
        }
    }

    @Test
    void eventsExportEscapesFormulaCellsAndImportsBackUnchanged() throws Exception {
        String csv = "date,label,kind\n2023-01-01,\"=cmd|' /C calc'!A0\",other\n2023-01-02,+SUM(A1),other\n"
                + "2023-01-03,-5% in a poll,poll\n2023-01-04,@evil,other\n2023-01-05,plain label,other\n";
        assertEquals(200, http.send("POST", "/api/events.csv", "text/csv", csv, TOKEN).statusCode());
        String exported = http.get("/api/events.csv").body();
        for (String line : exported.lines().skip(1).toList()) {
            String label = line.split(",", 3)[2];
            String unquoted = label.startsWith("\"") ? label.substring(1) : label;
            assertFalse(unquoted.startsWith("=") || unquoted.startsWith("+") || unquoted.startsWith("-")
                    || unquoted.startsWith("@"), "a spreadsheet would run: " + line);
        }
        assertTrue(exported.contains("'=cmd|' /C calc'!A0"), exported);
        // the exported file imports back to the same labels (nothing new, every row a duplicate)
        String reimport = http.send("POST", "/api/events.csv", "text/csv", exported, TOKEN).body();
        assertTrue(reimport.contains("\"added\":0"), reimport);
        EventStore store = EventStore.open(dir.resolve("events.csv"));
        assertTrue(store.list().stream().anyMatch(e -> e.label().equals("=cmd|' /C calc'!A0")));
        assertTrue(store.list().stream().anyMatch(e -> e.label().equals("-5% in a poll")));
    }

    @Test
    void staleTemporaryFilesOfAKilledSaveAreRemovedOnOpen() throws Exception {
        Path old = Files.writeString(dir.resolve(".events-123.tmp"), "id,date,label,kind\n");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path fresh = Files.writeString(dir.resolve(".events-456.tmp"), "in progress");
        Path other = Files.writeString(dir.resolve("notes.tmp"), "not ours");
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        EventStore s = EventStore.open(dir.resolve("events.csv"));
        assertFalse(Files.exists(old), "a leftover of a killed save is removed");
        assertTrue(Files.exists(fresh), "a save in progress is left alone");
        assertTrue(Files.exists(other), "only the store's own temporaries are touched");
        s.add(LocalDate.of(2023, 5, 1), "after cleanup", "other");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith(".events-")).count());
        }
    }
}
