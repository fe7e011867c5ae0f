package org.narrativewatch.bench.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.narrativewatch.bench.BenchException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Load harness for {@code nwatch serve} (not a unit test; see docs/dashboard.md for the command):
 * N concurrent clients send timeline and search queries for a fixed time against a server on this
 * machine, then it prints throughput, p50/p90/p99 latency and every error. Bounded in time (at most
 * 600 s) and in count (at most 2,000,000 requests), and it refuses any address that is not loopback.
 *
 * <pre>bench/run load http://127.0.0.1:7070 32 60</pre>
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load test of a running `nwatch serve` on this machine (loopback only).",
                "Concurrent clients send timeline and search requests for a fixed time;",
                "prints req/s, p50/p90/p99 latency and every error."})
public final class DashboardLoad implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "The server, e.g. http://127.0.0.1:7070 (loopback only).")
    String url;

    @Parameters(index = "1", paramLabel = "CLIENTS", description = "Concurrent clients, 1..256.")
    int clients;

    @Parameters(index = "2", paramLabel = "SECONDS", description = "Duration, 1..600 s.")
    int seconds;

    static final long MAX_REQUESTS = 2_000_000;

    /** Russian queries of the kinds analysts ask: words, phrases, boolean, proximity, prefixes. */
    static final List<String> QUERIES = List.of(
            "путин", "переговоры", "санкции", "мобилизация", "украина AND переговоры", "нато OR пентагон",
            "\"специальная военная операция\"", "путин AND (денацификация OR демилитаризация)", "переговоры NEAR/5 стамбул",
            "зеленский NOT путин", "перегов*", "=Путина", "курск*", "байден OR трамп", "донбасс AND обстрел*",
            "title:крым", "газ AND европа", "референдум", "минск*", "сво");

    record Sample(String kind, long nanos, int status) {}

    @Override
    public Integer call() throws Exception {
        URI base = URI.create(url.endsWith("/") ? url : url + "/");
        if (base.getHost() == null || !InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw new BenchException("load tests target this machine only (loopback), not " + base.getHost());
        }
        if (clients < 1 || clients > 256 || seconds < 1 || seconds > 600) {
            throw new BenchException("CLIENTS must be 1..256 and SECONDS 1..600");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        String range = range(http, base);
        LocalDate first = LocalDate.parse(range.split(",")[0]);
        LocalDate last = LocalDate.parse(range.split(",")[1]);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong issued = new AtomicLong();
        List<List<Sample>> perClient = new ArrayList<>();
        Map<String, Long> errors = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            List<Sample> mine = new ArrayList<>();
            perClient.add(mine);
            long seed = 1000 + c;
            pool.submit(() -> {
                SplittableRandom rnd = new SplittableRandom(seed);
                while (System.nanoTime() < deadline && issued.incrementAndGet() <= MAX_REQUESTS) {
                    boolean search = rnd.nextInt(3) == 0;
                    String path = search ? searchPath(rnd, first, last) : timelinePath(rnd, first, last);
                    String kind = search ? "search" : "timeline";
                    long s = System.nanoTime();
                    int status;
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
                        status = r.statusCode();
                        if (status != 200) {
                            errors.merge(kind + " HTTP " + status + ": " + new String(r.body(), StandardCharsets.UTF_8)
                                    .lines().findFirst().orElse(""), 1L, Long::sum);
                        }
                    } catch (Exception e) {
                        status = -1;
                        errors.merge(kind + " " + e, 1L, Long::sum);
                    }
                    mine.add(new Sample(kind, System.nanoTime() - s, status));
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        List<Sample> all = new ArrayList<>();
        perClient.forEach(all::addAll);

        System.out.printf(Locale.ROOT, "target %s, corpus days %s, %d clients, %.1f s%n", base, range, clients, elapsed);
        report("all", all, elapsed);
        report("timeline", all.stream().filter(s -> s.kind.equals("timeline")).toList(), elapsed);
        report("search", all.stream().filter(s -> s.kind.equals("search")).toList(), elapsed);
        long failed = all.stream().filter(s -> s.status != 200).count();
        System.out.println("errors: " + failed);
        new TreeMap<>(errors).forEach((k, v) -> System.out.println("  " + v + " × " + k));
        return failed == 0 ? 0 : 1;
    }

    static String range(HttpClient http, URI base) throws Exception {
        String body = http.send(HttpRequest.newBuilder(base.resolve("api/stats")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String from = field(body, "from");
        String to = field(body, "to");
        return from + "," + to;
    }

    /** Reads one string field of the small stats JSON (the harness keeps to the JDK). */
    static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\"");
        int q1 = json.indexOf('"', json.indexOf(':', i) + 1);
        return json.substring(q1 + 1, json.indexOf('"', q1 + 1));
    }

    static String timelinePath(SplittableRandom rnd, LocalDate first, LocalDate last) {
        String[] by = {"day", "week", "month"};
        StringBuilder p = new StringBuilder("api/timeline?by=").append(by[rnd.nextInt(3)]);
        p.append("&q=").append(enc(QUERIES.get(rnd.nextInt(QUERIES.size()))));
        if (rnd.nextBoolean()) {
            LocalDate[] r = randomRange(rnd, first, last);
            p.append("&from=").append(r[0]).append("&to=").append(r[1]);
        }
        return p.toString();
    }

    static String searchPath(SplittableRandom rnd, LocalDate first, LocalDate last) {
        LocalDate[] r = randomRange(rnd, first, last);
        return "api/search?limit=20&q=" + enc(QUERIES.get(rnd.nextInt(QUERIES.size())))
                + (rnd.nextBoolean() ? "&from=" + r[0] + "&to=" + r[1] : "");
    }

    static LocalDate[] randomRange(SplittableRandom rnd, LocalDate first, LocalDate last) {
        long span = last.toEpochDay() - first.toEpochDay();
        long a = first.toEpochDay() + rnd.nextLong(Math.max(1, span));
        long len = 7 + rnd.nextLong(730);
        return new LocalDate[] {LocalDate.ofEpochDay(a), LocalDate.ofEpochDay(Math.min(last.toEpochDay(), a + len))};
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void report(String name, List<Sample> xs, double elapsed) {
        if (xs.isEmpty()) {
            return;
        }
        long[] ns = xs.stream().mapToLong(Sample::nanos).toArray();
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "%-8s %8d requests  %8.1f req/s  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
                name, ns.length, ns.length / elapsed, pct(ns, 0.50), pct(ns, 0.90), pct(ns, 0.99), ns[ns.length - 1] / 1e6);
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
