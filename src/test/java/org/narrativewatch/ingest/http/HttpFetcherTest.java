package org.narrativewatch.ingest.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {

    private LocalHttpServer server;
    private HttpFetcher fetcher;

    static FetchPolicy fast() {
        return FetchPolicy.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700))
                .withMinHostInterval(Duration.ZERO)
                .withRetries(3, Duration.ofMillis(50), Duration.ofSeconds(5))
                .withCaps(1 << 20, 2 << 20);
    }

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
        fetcher = new HttpFetcher(fast());
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void sendsProjectUserAgentAndReturnsBody() throws Exception {
        server.text("/feed", 200, "application/rss+xml; charset=utf-8", "<rss/>");
        Response r = fetcher.get(server.uri("/feed"), null);
        assertEquals(200, r.status());
        assertEquals("<rss/>", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("utf-8", r.charset());
        String ua = server.requests("/feed").get(0).header("User-Agent");
        assertTrue(ua.startsWith("NarrativeWatch/"), ua);
    }

    @Test
    void conditionalGetGets304() throws Exception {
        server.route("/feed", ex -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Wed, 23 Feb 2022 10:00:00 GMT");
            if ("\"v1\"".equals(inm) && ims != null) {
                LocalHttpServer.send(ex, 304, null, new byte[0]);
            } else {
                LocalHttpServer.send(ex, 200, "text/xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
            }
        });
        Response first = fetcher.get(server.uri("/feed"), null);
        assertEquals(new Validators("\"v1\"", "Wed, 23 Feb 2022 10:00:00 GMT"), first.validators());
        Response second = fetcher.get(server.uri("/feed"), first.validators());
        assertTrue(second.notModified());
        assertEquals(0, second.body().length);
        assertEquals("\"v1\"", server.requests("/feed").get(1).header("If-None-Match"));
    }

    @Test
    void honoursRetryAfterOn429() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.route("/feed", ex -> {
            if (calls.getAndIncrement() == 0) {
                ex.getResponseHeaders().set("Retry-After", "1");
                LocalHttpServer.send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
            } else {
                LocalHttpServer.send(ex, 200, "text/xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
            }
        });
        Response r = fetcher.get(server.uri("/feed"), null);
        assertEquals(200, r.status());
        var reqs = server.requests("/feed");
        assertEquals(2, reqs.size());
        long waitedMs = (reqs.get(1).at() - reqs.get(0).at()) / 1_000_000;
        assertTrue(waitedMs >= 900, "waited only " + waitedMs + " ms despite Retry-After: 1");
    }

    @Test
    void retryAfterBeyondTheCapFailsAsRateLimitedWithTheTime() throws Exception {
        server.route("/feed", ex -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            LocalHttpServer.send(ex, 429, "text/plain", new byte[0]);
        });
        Instant before = Instant.now();
        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.uri("/feed"), null));
        assertEquals(FetchException.Kind.RATE_LIMITED, e.kind());
        assertNotNull(e.retryAfter());
        assertTrue(e.retryAfter().isAfter(before.plusSeconds(3500)));
        assertEquals(1, server.requests("/feed").size(), "must not hammer a server that asked for an hour");
    }

    @Test
    void retriesServerErrorsWithBackoffThenSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.route("/feed", ex -> {
            int n = calls.getAndIncrement();
            LocalHttpServer.send(ex, n < 2 ? 503 : 200, "text/xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        });
        assertEquals(200, fetcher.get(server.uri("/feed"), null).status());
        var reqs = server.requests("/feed");
        assertEquals(3, reqs.size());
        long second = (reqs.get(2).at() - reqs.get(1).at()) / 1_000_000;
        assertTrue(second >= 100, "backoff doubles: second wait " + second + " ms");
    }

    @Test
    void persistentServerErrorFailsAfterMaxAttempts() {
        server.text("/feed", 500, "text/plain", "boom");
        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.uri("/feed"), null));
        assertEquals(FetchException.Kind.HTTP_STATUS, e.kind());
        assertEquals(500, e.status());
        assertEquals(3, server.requests("/feed").size());
    }

    @Test
    void notFoundIsNotRetried() {
        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.uri("/missing"), null));
        assertEquals(404, e.status());
        assertEquals(1, server.requests("/missing").size());
    }

    @Test
    void slowHeadersTimeOut() {
        server.route("/slow", ex -> {
            sleep(3000);
            LocalHttpServer.send(ex, 200, "text/xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        });
        long t0 = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.uri("/slow"), null));
        assertEquals(FetchException.Kind.TIMEOUT, e.kind());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2500, "gave up in time");
    }

    @Test
    void tricklingBodyTimesOut() {
        server.route("/trickle", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/xml");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 40; i++) {
                    out.write('<');
                    out.flush();
                    sleep(100);
                }
            }
        });
        long t0 = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.uri("/trickle"), null));
        assertEquals(FetchException.Kind.TIMEOUT, e.kind());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 3000);
    }

    @Test
    void robotsDisallowIsRespectedWithoutFetching() {
        server.text("/robots.txt", 200, "text/plain",
                "User-agent: *\nDisallow: /private/\n\nUser-agent: NarrativeWatch\nDisallow: /nw-only/\n");
        server.text("/private/feed", 200, "text/xml", "<rss/>");
        server.text("/nw-only/feed", 200, "text/xml", "<rss/>");
        server.text("/public/feed", 200, "text/xml", "<rss/>");
        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.uri("/nw-only/feed"), null));
        assertEquals(FetchException.Kind.DISALLOWED_BY_ROBOTS, e.kind());
        assertTrue(server.requests("/nw-only/feed").isEmpty(), "the disallowed address was never requested");
        // our own group replaces the * group (robots.txt semantics), so /private/ is allowed for us
        assertEquals(1, server.requests("/robots.txt").size());
    }

    @Test
    void robotsStarGroupAppliesWhenWeHaveNone() {
        server.text("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
        server.text("/private/feed", 200, "text/xml", "<rss/>");
        server.text("/public/feed", 200, "text/xml", "<rss/>");
        assertThrows(FetchException.class, () -> fetcher.get(server.uri("/private/feed"), null));
        assertTrue(server.requests("/private/feed").isEmpty());
        assertEquals(200, assertDoesNotThrowGet(server.uri("/public/feed")).status());
    }

    private Response assertDoesNotThrowGet(URI uri) {
        try {
            return fetcher.get(uri, null);
        } catch (FetchException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void gzipBombIsStoppedAtTheDecompressedCap() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros); // 64 MB of zeros, ~64 KB compressed
            }
        }
        byte[] bomb = zipped.toByteArray();
        assertTrue(bomb.length < (1 << 20), "compressed bomb fits the wire cap: " + bomb.length);
        server.route("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalHttpServer.send(ex, 200, "application/rss+xml", bomb);
        });
        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.uri("/bomb"), null));
        assertEquals(FetchException.Kind.TOO_LARGE, e.kind());
        assertTrue(e.getMessage().contains("decompressed"), e.getMessage());
    }

    @Test
    void gzipBodyWithinCapsIsDecompressed() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write("<rss>привет</rss>".getBytes(StandardCharsets.UTF_8));
        }
        server.route("/gz", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalHttpServer.send(ex, 200, "text/xml", zipped.toByteArray());
        });
        assertArrayEquals("<rss>привет</rss>".getBytes(StandardCharsets.UTF_8),
                fetcher.get(server.uri("/gz"), null).body());
    }

    @Test
    void oversizedBodyIsRefused() {
        byte[] big = new byte[(1 << 20) + 10];
        server.bytes("/big", "text/xml", big);
        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.uri("/big"), null));
        assertEquals(FetchException.Kind.TOO_LARGE, e.kind());
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.get(URI.create("http://127.0.0.1:" + port + "/feed"), null));
        assertEquals(FetchException.Kind.UNREACHABLE, e.kind());
    }

    @Test
    void retryAfterAcceptsSecondsAndHttpDates() {
        assertNotNull(HttpFetcher.retryAfter("120"));
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), HttpFetcher.retryAfter("Tue, 01 Jan 2030 00:00:00 GMT"));
        assertEquals(null, HttpFetcher.retryAfter("soon"));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
