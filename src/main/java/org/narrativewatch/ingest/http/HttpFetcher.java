package org.narrativewatch.ingest.http;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches feeds and pages the way a well-behaved crawler should, and never lets a hostile or
 * broken server hang or exhaust the process. Thread-safe: one instance serves a whole collector.
 */
public final class HttpFetcher implements AutoCloseable {

    private static final Duration ROBOTS_TTL = Duration.ofHours(12);
    /** A site's Crawl-delay is honoured up to this; a longer one is treated as this. */
    private static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

    private final FetchPolicy policy;
    private final HttpClient client;
    private final ScheduledExecutorService watchdog;
    private final Map<String, Object> hostLocks = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextSlot = new ConcurrentHashMap<>();
    private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();

    private record CachedRobots(BaseRobotRules rules, Instant fetched) {}

    public HttpFetcher(FetchPolicy policy) {
        this.policy = policy;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nwatch-http-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    public FetchPolicy policy() {
        return policy;
    }

    /**
     * GETs {@code uri}. With validators from an earlier answer the server may reply 304, returned as
     * a {@link Response#notModified()} response with an empty body.
     */
    public Response get(URI uri, Validators validators) throws FetchException {
        if (policy.respectRobots()) {
            BaseRobotRules rules = robotsFor(uri);
            if (!rules.isAllowed(uri.toString())) {
                throw new FetchException(uri, FetchException.Kind.DISALLOWED_BY_ROBOTS,
                        "robots.txt disallows it for " + FetchPolicy.ROBOT_NAME);
            }
        }
        return getWithRetries(uri, validators == null ? Validators.NONE : validators);
    }

    private Response getWithRetries(URI uri, Validators validators) throws FetchException {
        Duration wait = policy.backoff();
        for (int attempt = 1; ; attempt++) {
            waitForSlot(uri);
            Attempt a = attempt(uri, validators);
            if (a.response != null) {
                return a.response;
            }
            int status = a.status;
            boolean retryable = status == 429 || status >= 500;
            Instant retryAt = a.retryAfter;
            if (retryAt != null && Duration.between(Instant.now(), retryAt).compareTo(policy.maxRetryAfter()) > 0) {
                throw new FetchException(uri, FetchException.Kind.RATE_LIMITED, status, retryAt,
                        "HTTP " + status + ", server asks to come back at " + retryAt, null);
            }
            if (!retryable || attempt >= policy.maxAttempts()) {
                FetchException.Kind kind = status == 429 ? FetchException.Kind.RATE_LIMITED : FetchException.Kind.HTTP_STATUS;
                throw new FetchException(uri, kind, status, retryAt,
                        "HTTP " + status + (attempt > 1 ? " after " + attempt + " attempts" : ""), null);
            }
            Duration pause = retryAt != null ? Duration.between(Instant.now(), retryAt) : jitter(wait);
            sleep(pause.isNegative() ? Duration.ZERO : pause);
            wait = wait.multipliedBy(2);
        }
    }

    private record Attempt(Response response, int status, Instant retryAfter) {}

    private Attempt attempt(URI uri, Validators validators) throws FetchException {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri)
                .timeout(policy.readTimeout())
                .header("User-Agent", policy.userAgent())
                .header("Accept-Encoding", "gzip, deflate")
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
                        + "text/html;q=0.8, */*;q=0.5")
                .GET();
        if (validators.etag() != null) {
            req.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            req.header("If-Modified-Since", validators.lastModified());
        }
        Instant fetchedAt = Instant.now();
        HttpResponse<InputStream> resp;
        try {
            resp = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new FetchException(uri, FetchException.Kind.TIMEOUT, 0, null,
                    "no connection within " + policy.connectTimeout().toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            throw new FetchException(uri, FetchException.Kind.TIMEOUT, 0, null,
                    "no answer within " + policy.readTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(uri, FetchException.Kind.UNREACHABLE, 0, null, "interrupted", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new FetchException(uri, FetchException.Kind.UNREACHABLE, 0, null, "unreachable: " + describe(e), e);
        }
        HttpHeaders h = resp.headers();
        int status = resp.statusCode();
        if (status == 304) {
            closeQuietly(resp.body());
            return new Attempt(new Response(resp.uri(), 304, new byte[0], null, null, validators, fetchedAt), 304, null);
        }
        if (status < 200 || status > 299) {
            closeQuietly(resp.body());
            return new Attempt(null, status, retryAfter(h.firstValue("Retry-After").orElse(null)));
        }
        byte[] body = readBody(uri, resp);
        String contentType = h.firstValue("Content-Type").orElse(null);
        Validators fresh = new Validators(h.firstValue("ETag").orElse(null), h.firstValue("Last-Modified").orElse(null));
        return new Attempt(new Response(resp.uri(), status, body, contentType, Charsets.fromContentType(contentType),
                fresh, fetchedAt), status, null);
    }

    /** Reads the body within the caps and the read timeout, decompressing gzip or deflate. */
    private byte[] readBody(URI uri, HttpResponse<InputStream> resp) throws FetchException {
        long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
        InputStream raw = resp.body();
        if (declared > policy.maxBodyBytes()) {
            closeQuietly(raw);
            throw new FetchException(uri, FetchException.Kind.TOO_LARGE, "Content-Length " + declared
                    + " bytes exceeds the cap of " + policy.maxBodyBytes());
        }
        // The HTTP client's timeout stops at the headers; a server that trickles the body would hang
        // us, so a watchdog closes the stream when the read timeout passes again.
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> kill = watchdog.schedule(() -> {
            timedOut.set(true);
            closeQuietly(raw);
        }, policy.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        String encoding = resp.headers().firstValue("Content-Encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
        try (CappedInputStream wire = new CappedInputStream(raw, policy.maxBodyBytes(), "on the wire")) {
            InputStream decoded = switch (encoding) {
                case "gzip", "x-gzip" -> new GZIPInputStream(wire, 8192);
                case "deflate" -> new InflaterInputStream(wire);
                default -> wire;
            };
            try (InputStream in = new CappedInputStream(decoded, policy.maxDecodedBytes(), "decompressed")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toByteArray();
            }
        } catch (CappedInputStream.TooLarge e) {
            throw new FetchException(uri, FetchException.Kind.TOO_LARGE, 0, null, e.getMessage(), e);
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new FetchException(uri, FetchException.Kind.TIMEOUT, 0, null,
                        "body not received within " + policy.readTimeout().toMillis() + " ms", e);
            }
            throw new FetchException(uri, FetchException.Kind.BAD_BODY, 0, null, "unreadable body: " + describe(e), e);
        } finally {
            kill.cancel(false);
        }
    }

    private BaseRobotRules robotsFor(URI uri) throws FetchException {
        String origin = origin(uri);
        CachedRobots cached = robots.get(origin);
        if (cached != null && cached.fetched.plus(ROBOTS_TTL).isAfter(Instant.now())) {
            return cached.rules;
        }
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(MAX_CRAWL_DELAY.toMillis(), 50);
        URI robotsUri = URI.create(origin + "/robots.txt");
        BaseRobotRules rules;
        try {
            Response r = getWithRetries(robotsUri, Validators.NONE);
            rules = parser.parseContent(robotsUri.toString(), r.body(), r.contentType(),
                    List.of(FetchPolicy.ROBOT_NAME.toLowerCase(Locale.ROOT)));
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.HTTP_STATUS || e.kind() == FetchException.Kind.RATE_LIMITED) {
                // 4xx means no rules (allow all); 5xx and 429 mean "not now" (crawler-commons' reading)
                rules = parser.failedFetch(e.status());
            } else if (e.kind() == FetchException.Kind.TOO_LARGE || e.kind() == FetchException.Kind.BAD_BODY) {
                rules = parser.failedFetch(404);
            } else {
                throw e; // the host is unreachable: the real fetch would fail the same way
            }
        }
        robots.put(origin, new CachedRobots(rules, Instant.now()));
        return rules;
    }

    /** Blocks until this host may be asked again, then books the next slot. */
    private void waitForSlot(URI uri) {
        String host = origin(uri);
        Object lock = hostLocks.computeIfAbsent(host, k -> new Object());
        synchronized (lock) {
            Instant now = Instant.now();
            Instant slot = nextSlot.getOrDefault(host, now);
            if (slot.isAfter(now)) {
                sleep(Duration.between(now, slot));
            }
            Duration interval = policy.minHostInterval();
            CachedRobots r = robots.get(host);
            if (r != null && r.rules.getCrawlDelay() > 0) {
                Duration delay = Duration.ofMillis(Math.min(r.rules.getCrawlDelay(), MAX_CRAWL_DELAY.toMillis()));
                if (delay.compareTo(interval) > 0) {
                    interval = delay;
                }
            }
            nextSlot.put(host, Instant.now().plus(interval));
        }
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
    static Instant retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Instant.now().plusSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Duration jitter(Duration d) {
        long ms = d.toMillis();
        return Duration.ofMillis(ms + ThreadLocalRandom.current().nextLong(Math.max(1, ms / 4)));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A network failure in words a user can act on. */
    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "host name not resolved (no network or DNS)";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "TLS failure: " + t.getMessage();
            }
        }
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a stream we are abandoning; nothing to report
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
