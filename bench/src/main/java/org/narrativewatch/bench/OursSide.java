package org.narrativewatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * Our side, measured two ways: (a) the CLI end to end, one JVM per call, as a shell user runs it;
 * (b) in process, one {@link LuceneEngine} opened once and asked repeatedly, as the server or a
 * library user pays it.
 */
final class OursSide {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path nwatch;
    private final Caches caches;
    private final long warmupMillis;

    /** @param warmupMillis untimed calls before the warm runs in process (JIT warm-up); see {@link #warmUp} */
    OursSide(Path nwatch, Caches caches, long warmupMillis) {
        this.nwatch = nwatch;
        this.caches = caches;
        this.warmupMillis = warmupMillis;
    }

    ImportFigures importCorpus(Corpus c, Path index) throws IOException {
        List<String> cmd = List.of("/usr/bin/time", "-v", nwatch.toString(), "import", "--index", index.toString(),
                "--format", "json", c.file().toString());
        Exec.Result r = Exec.run(cmd).check(cmd);
        JsonNode out = JSON.readTree(r.out());
        long articles = out.path("stats").path("articles").asLong(-1);
        double inner = 0;
        long added = 0;
        for (JsonNode imp : out.path("imports")) {
            inner += imp.path("seconds").asDouble();
            added += imp.path("added").asLong();
        }
        if (articles < 0) {
            articles = added;
        }
        return new ImportFigures(articles, r.nanos() / 1e9, inner, Measure.cpuSeconds(r.err()),
                Measure.maxRssMiB(r.err()), sizeMiB(index), "max RSS of the JVM (GNU time -v), with the launcher's import JVM: heap -Xms64m -Xmx1g, the serial collector, the client compiler only (-XX:TieredStopAtLevel=1) below ~200 MB of input text",
                "added " + added + " of " + c.lines() + " lines");
    }

    static double sizeMiB(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / (1024.0 * 1024.0);
        }
    }

    // ---- (a) CLI ---------------------------------------------------------------------------------

    private List<String> cliCommand(Workload w, Path index) {
        return w.kind() == Workload.Kind.SEARCH
                ? List.of(nwatch.toString(), "search", "--index", index.toString(), w.ours(), "--limit", "20",
                        "--format", "json")
                : List.of(nwatch.toString(), "timeline", "--index", index.toString(), w.ours(), "--by", "day",
                        "--format", "json");
    }

    /** One cold CLI call: the page cache dropped (JVM, jar, archive and index all read from disk), then the call. */
    Call coldCli(Workload w, Path index) throws IOException {
        caches.drop();
        return cliCall(w, index);
    }

    /** One CLI call, timed from process start to exit, with the matches it printed. */
    Call cliCall(Workload w, Path index) throws IOException {
        List<String> cmd = cliCommand(w, index);
        Exec.Result r = Exec.run(cmd).check(cmd);
        return new Call(r.millis(), cliCount(w, r.out()));
    }

    /**
     * Many queries from one start: {@code nwatch timeline --queries FILE --by day --format json}, timed from process
     * start to exit, once untimed (page cache) and then {@code runs} times. Count = the sum of every query's matches.
     */
    /** A batch's timing, and the median CPU seconds (user + system) of its timed runs: robust to other load. */
    record Batch(Timing timing, double cpuSeconds) {}

    Batch cliBatch(List<Workload> queries, Path index, Path work, int runs) throws IOException {
        Path file = work.resolve("batch-queries.txt");
        Files.write(file, queries.stream().map(Workload::ours).toList(), java.nio.charset.StandardCharsets.UTF_8);
        Path out = work.resolve("batch-out.jsonl");
        List<String> cmd = List.of("/usr/bin/time", "-v", nwatch.toString(), "timeline", "--queries", file.toString(),
                "--index", index.toString(), "--by", "day", "--format", "json");
        Exec.Result first = Exec.runTo(cmd, out).check(cmd);
        long count = 0;
        long lines = 0;
        try (java.io.BufferedReader r = Files.newBufferedReader(out)) {
            for (String line; (line = r.readLine()) != null; ) {
                lines++;
                for (JsonNode b : JSON.readTree(line).path("buckets")) {
                    count += b.path("count").asLong();
                }
            }
        }
        if (lines != queries.size()) {
            throw new IllegalStateException("batch answered " + lines + " of " + queries.size() + " queries");
        }
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Exec.Result r = Exec.runTo(cmd, out).check(cmd);
            times.add(r.millis());
            cpu.add(Measure.cpuSeconds(r.err()));
        }
        Files.deleteIfExists(out);
        return new Batch(Timing.of(first.millis(), times, count), Measure.median(cpu));
    }

    /** Median CPU milliseconds (user + system, GNU time) of {@code runs} CLI calls of {@code w}: robust to other load. */
    double cliCpuMs(Workload w, Path index, int runs) throws IOException {
        List<String> cmd = List.of("/usr/bin/time", "-v", nwatch.toString(), "timeline", "--index", index.toString(),
                w.ours(), "--by", "day", "--format", "json");
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            cpu.add(Measure.cpuSeconds(Exec.run(cmd).check(cmd).err()) * 1000);
        }
        return Measure.median(cpu);
    }

    static Long cliCount(Workload w, String json) throws IOException {
        JsonNode o = JSON.readTree(json);
        if (w.kind() == Workload.Kind.SEARCH) {
            return o.path("total").asLong();
        }
        long n = 0;
        for (JsonNode b : o.path("buckets")) {
            n += b.path("count").asLong();
        }
        return n;
    }

    // ---- (b) in process --------------------------------------------------------------------------

    /**
     * Untimed: every workload once on a freshly opened engine, so that loading classes, the dictionaries and the
     * analysis chains (once per JVM, as in a server) is in no cold call; the cold calls then differ only in the index.
     */
    static void prime(Path index, List<Workload> workloads) throws IOException {
        try (LuceneEngine engine = LuceneEngine.open(index)) {
            for (Workload w : workloads) {
                run(engine, w, Query.parse(w.ours()));
            }
        }
    }

    /** One cold call in process: the page cache dropped, a freshly opened engine, its first call (reader opening included). */
    Call coldInProcess(Workload w, Path index) throws IOException {
        Query q = Query.parse(w.ours());
        caches.drop();
        try (LuceneEngine engine = LuceneEngine.open(index)) {
            long t0 = System.nanoTime();
            long count = run(engine, w, q);
            return new Call((System.nanoTime() - t0) / 1e6, count);
        }
    }

    /** {@code runs} timed calls on an open, warmed-up engine; each must count {@code expected} matches. */
    static List<Double> timedRuns(Engine engine, Workload w, Query q, int runs, long expected) throws IOException {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            long c = run(engine, w, q);
            times.add((System.nanoTime() - t) / 1e6);
            if (c != expected) {
                throw new IllegalStateException("in-process count changed between runs of " + w.ours() + ": " + c
                        + " vs " + expected);
            }
        }
        return times;
    }

    /**
     * A long-running server answers from JIT-compiled code: before the timed warm runs, the query runs
     * untimed for {@code warmupMillis} (at least 3, at most 500 times).
     */
    void warmUp(Engine engine, Workload w, Query q) throws IOException {
        long until = System.nanoTime() + warmupMillis * 1_000_000L;
        for (int i = 0; i < 500 && (i < 3 || System.nanoTime() < until); i++) {
            run(engine, w, q);
        }
    }

    /** One call as a server would make it; returns the matches (sum of daily counts, or the search total). */
    static long run(Engine engine, Workload w, Query q) throws IOException {
        if (w.kind() == Workload.Kind.SEARCH) {
            return engine.search(q, Selection.ALL, 20, Engine.HitOrder.NEWEST).total();
        }
        Series s = org.narrativewatch.index.Corpus.of(engine).timeline(q, Selection.ALL, Bucketing.DAY, Engine.CountUnit.ARTICLES);
        long n = 0;
        for (Bucket b : s.buckets()) {
            n += b.count();
        }
        return n;
    }
}
