package org.narrativewatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL as an analyst would use it: the JSONL file COPYed in, a GIN index on
 * {@code to_tsvector('russian', title || ' ' || text)}, and {@code GROUP BY day} queries that use it.
 * The cluster itself (initdb, settings, start, stop) is bench/pg.sh's; this class talks to it with psql,
 * whose {@code \timing} gives each statement's time as the client sees it (without connecting).
 */
final class PostgresSide {

    static final String TSV = "to_tsvector('russian', title || ' ' || text)";

    private final String host;
    private final int port;
    private final Path pgScript;
    private final Path pgData;
    private final Caches caches;
    /** Each corpus has a database of its own in the cluster, so that a kept cluster holds every corpus of a run. */
    private final String database;

    PostgresSide(String host, int port, Path pgScript, Path pgData, Caches caches) {
        this(host, port, pgScript, pgData, caches, "postgres");
    }

    private PostgresSide(String host, int port, Path pgScript, Path pgData, Caches caches, String database) {
        this.host = host;
        this.port = port;
        this.pgScript = pgScript;
        this.pgData = pgData;
        this.caches = caches;
        this.database = database;
    }

    /** The same cluster, talking to the database of corpus {@code corpus}. */
    PostgresSide on(String corpus) {
        return new PostgresSide(host, port, pgScript, pgData, caches, databaseOf(corpus));
    }

    /** "1tv-x10" → "nw_1tv_x10". */
    static String databaseOf(String corpus) {
        return "nw_" + corpus.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    String database() {
        return database;
    }

    private List<String> psqlOn(String db, String... extra) {
        List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-q", "-h", host, "-p", Integer.toString(port), "-U",
                "bench", "-d", db, "-v", "ON_ERROR_STOP=1"));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    /** This side's database made anew (dropped first when it exists); untimed. */
    void createDatabase() throws IOException {
        List<String> drop = psqlOn("postgres", "-c", "DROP DATABASE IF EXISTS " + database);
        Exec.run(drop).check(drop);
        List<String> create = psqlOn("postgres", "-c", "CREATE DATABASE " + database);
        Exec.run(create).check(create);
    }

    void dropDatabase() throws IOException {
        List<String> drop = psqlOn("postgres", "-c", "DROP DATABASE IF EXISTS " + database);
        Exec.run(drop).check(drop);
    }

    /** Rows in this database's articles table, or -1 when the database or the table does not exist. */
    long articles() throws IOException {
        List<String> exists = psqlOn("postgres", "-At", "-c", "SELECT count(*) FROM pg_database WHERE datname = '" + database + "'");
        if (!Exec.run(exists).check(exists).out().trim().equals("1")) {
            return -1;
        }
        List<String> cmd = psql("-At", "-c", "SELECT count(*) FROM articles");
        Exec.Result r = Exec.run(cmd);
        return r.exit() == 0 ? Long.parseLong(r.out().trim()) : -1;
    }

    private List<String> psql(String... extra) {
        List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-q", "-h", host, "-p", Integer.toString(port), "-U",
                "bench", "-d", database, "-v", "ON_ERROR_STOP=1"));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    private String psqlLine() {
        return String.join(" ", psql().stream().map(Exec::q).toList());
    }

    /**
     * Conversion and load in one transaction: COPY each JSON line whole into a jsonb staging column
     * (CSV mode with quote and delimiter bytes that never occur in JSONL, so backslashes and quotes
     * pass untouched), then typed columns from it, then the indexes. All of it is timed.
     */
    ImportFigures load(Corpus c, Path work) throws IOException {
        Path head = work.resolve("pg-load-head.sql");
        Path tail = work.resolve("pg-load-tail.sql");
        Files.writeString(head, """
                \\timing on
                BEGIN;
                CREATE TABLE raw (doc jsonb);
                COPY raw FROM STDIN WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02');
                """, StandardCharsets.UTF_8);
        Files.writeString(tail, """
                \\.
                CREATE TABLE articles AS SELECT doc->>'id' AS id, doc->>'source' AS source, doc->>'url' AS url,
                  left(doc->>'date', 10)::date AS day, (doc->>'date')::timestamptz AS published,
                  coalesce(doc->>'title', '') AS title, coalesce(doc->>'text', '') AS text FROM raw;
                DROP TABLE raw;
                COMMIT;
                CREATE INDEX articles_fts ON articles USING gin (%s);
                CREATE INDEX articles_day ON articles (day);
                """.formatted(TSV), StandardCharsets.UTF_8);
        // untimed: no previous load's dirty pages left for this one to write (repeated loads are equivalent)
        List<String> drop = psql("-c", "DROP TABLE IF EXISTS articles", "-c", "CHECKPOINT");
        Exec.run(drop).check(drop);
        Exec.bash("sync");
        String script = "{ cat " + Exec.q(head) + "; " + c.catCommand() + "; cat " + Exec.q(tail) + "; } | "
                + psqlLine();
        ProcessTree server = ProcessTree.fromPidFile(pgData.resolve("postmaster.pid"));
        double cpu0 = server.cpuSeconds();
        Exec.Result r;
        double peak;
        try (ProcessTree.PeakSampler sampler = new ProcessTree.PeakSampler(server, 100)) {
            List<String> cmd = List.of("/usr/bin/time", "-v", "bash", "-c", script);
            r = Exec.run(cmd).check(cmd);
            peak = sampler.peakMiB();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        sleep(500); // let the postmaster reap the session's backend, so its CPU is in cutime
        double cpu = server.cpuSeconds() - cpu0 + Measure.cpuSeconds(r.err());
        List<Double> steps = Measure.psqlTimes(r.out());
        // ANALYZE is not counted: a fresh table is searchable without it (autovacuum would do it later)
        List<String> an = psql("-At", "-c", "ANALYZE articles",
                "-c", "SELECT count(*), pg_total_relation_size('articles'), pg_relation_size('articles_fts') FROM articles");
        String[] f = Exec.run(an).check(an).out().trim().split("\\|");
        long articles = Long.parseLong(f[0]);
        double size = Long.parseLong(f[1]) / (1024.0 * 1024.0);
        String detail = String.format(Locale.ROOT, "steps (ms): %s; GIN index alone %.0f MiB", steps,
                Long.parseLong(f[2]) / (1024.0 * 1024.0));
        return new ImportFigures(articles, r.nanos() / 1e9, Double.NaN, cpu, peak, size,
                "peak total PSS of all server processes, sampled every 100 ms", detail);
    }

    /** The statement one workload runs. */
    static String sql(Workload w) {
        String tsq = w.phrase() ? "phraseto_tsquery('russian', " + lit(w.tsquery()) + ")"
                : "to_tsquery('russian', " + lit(w.tsquery()) + ")";
        String match = TSV + " @@ " + tsq;
        return switch (w.kind()) {
            case TIMELINE -> "SELECT day, count(*) FROM articles WHERE " + match + " GROUP BY day ORDER BY day;";
            case SHARE -> "WITH m AS (SELECT day, count(*) AS c FROM articles WHERE " + match + " GROUP BY day), "
                    + "t AS (SELECT day, count(*) AS n FROM articles GROUP BY day) "
                    + "SELECT t.day, coalesce(m.c, 0), t.n, round(coalesce(m.c, 0)::numeric / t.n, 4) "
                    + "FROM t LEFT JOIN m USING (day) ORDER BY t.day;";
            case SEARCH -> "SELECT total, url, published, ts_headline('russian', title || ' ' || text, " + tsq + ") "
                    + "FROM (SELECT count(*) OVER () AS total, url, published, title, text FROM articles WHERE "
                    + match + " ORDER BY published DESC LIMIT 20) top ORDER BY published DESC;";
        };
    }

    static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * One cold statement: the server restarted (its shared buffers and every backend's caches gone) and the page
     * cache dropped, then a connection made in a throwaway session (so no timing pays for it), then the statement
     * as the first of a new session.
     */
    Call coldQuery(Workload w) throws IOException {
        restart();
        caches.drop();
        List<String> connect = psql("-At", "-F", "|", "-c", "SELECT 1");
        Exec.run(connect).check(connect);
        return statements(w, 1, 0).get(0);
    }

    /**
     * {@code runs} warm statements in one new session, after one untimed statement that warms that session's
     * caches (the cluster's shared buffers are warm from the statements before).
     */
    List<Double> warmBlock(Workload w, int runs) throws IOException {
        return statements(w, runs, 1).stream().map(Call::ms).toList();
    }

    /** {@code untimed + runs} times the statement in one psql session; the timed ones, with the first one's count. */
    private List<Call> statements(Workload w, int runs, int untimed) throws IOException {
        String stmt = sql(w);
        StringBuilder script = new StringBuilder("\\timing on\n");
        for (int i = 0; i < runs + untimed; i++) {
            script.append(stmt).append('\n');
        }
        Path file = Files.createTempFile("bench-q", ".sql");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            List<String> run = psql("-At", "-F", "|", "-f", file.toString());
            Exec.Result r = Exec.run(run).check(run);
            List<Double> times = Measure.psqlTimes(r.out());
            if (times.size() != runs + untimed) {
                throw new IllegalStateException("psql printed " + times.size() + " timings, expected " + (runs + untimed));
            }
            Long count = firstCount(w, r.out());
            return times.subList(untimed, times.size()).stream().map(t -> new Call(t, count)).toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * psql as a shell user calls it, one process per statement: {@code psql -c SQL}, timed from process start to
     * exit (connection included).
     */
    double cliCall(Workload w) throws IOException {
        List<String> cmd = psql("-At", "-F", "|", "-c", sql(w));
        return Exec.run(cmd).check(cmd).millis();
    }

    /**
     * The batch in one psql session ({@code psql -f FILE}), timed from process start to exit, once untimed and then
     * {@code runs} times. Count = the sum of every statement's per-day counts.
     */
    Timing batch(List<Workload> queries, Path work, int runs) throws IOException {
        Path file = work.resolve("batch-queries.sql");
        Files.write(file, queries.stream().map(PostgresSide::sql).toList(), StandardCharsets.UTF_8);
        List<String> cmd = psql("-At", "-F", "|", "-f", file.toString());
        Exec.Result first = Exec.run(cmd).check(cmd);
        long count = 0;
        for (String line : first.out().split("\n")) {
            if (!line.isBlank()) {
                count += Long.parseLong(line.split("\\|", -1)[1]);
            }
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(Exec.run(cmd).check(cmd).millis());
        }
        return Timing.of(first.millis(), times, count);
    }

    /** Matches in the first result set: sum of the per-day counts, or the search total. */
    static Long firstCount(Workload w, String out) {
        long n = 0;
        for (String line : out.split("\n")) {
            if (line.startsWith("Time: ")) {
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (w.kind() == Workload.Kind.SEARCH) {
                return Long.parseLong(f[0]);
            }
            n += Long.parseLong(f[1]);
        }
        return n;
    }

    void restart() throws IOException {
        List<String> cmd = List.of("bash", pgScript.toString(), "restart");
        Exec.run(cmd).check(cmd);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
