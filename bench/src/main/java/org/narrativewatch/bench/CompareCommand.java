package org.narrativewatch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run} (and {@code bench/run --smoke}): prepares the corpora, loads each into our engine and PostgreSQL, runs {@link Workload#ALL}
 * on ours (in process and CLI), PostgreSQL and ripgrep, then every {@link Suite}, and writes the table.
 * bench/run owns the PostgreSQL cluster's life (it must outlive a crash of this JVM to be cleaned up).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"nwatch vs PostgreSQL full-text search vs ripgrep, side by side (the default).",
                "bench/run sets up the PostgreSQL cluster and passes --work and --pg-data."})
public final class CompareCommand implements Callable<Integer> {

    /** Sections beyond the corpora. */
    List<Suite> suites() {
        return List.of(new ShiftSuite(classPath));
    }

    @Option(names = "--work", required = true, description = "Scratch folder (indexes, generated corpora).")
    Path work;

    @Option(names = "--out", defaultValue = "bench/out", description = "Where the table goes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--data", description = "Folder of the news JSONL files (default: ../shared/data/news).")
    Path data;

    @Option(names = "--smoke", description = "Short version: a slice of 1tv_ru, 3 repeats.")
    boolean smoke;

    @Option(names = "--slice", defaultValue = "20000", description = "Articles in the smoke slice (default: ${DEFAULT-VALUE}).")
    int slice;

    @Option(names = "--repeats", description = "Warm runs per query (default 5; 3 with --smoke).")
    Integer repeats;

    @Option(names = "--corpora", split = ",", description = "Subset of: 1tv, 1tv-x10, tg (default: all; 1tv-slice with --smoke).")
    List<String> corpora;

    @Option(names = "--nwatch", defaultValue = "./nwatch", description = "The CLI launcher (default: ${DEFAULT-VALUE}).")
    Path nwatch;

    @Option(names = "--class-path", defaultValue = "${sys:java.class.path}",
            description = "Class path of the suites run in their own JVM (default: this JVM's: the bench jar and target/nwatch.jar).")
    String classPath;

    @Option(names = "--no-suites", description = "Skip the sections that are not about a corpus (PELT).")
    boolean noSuites;

    @Option(names = "--no-pg", description = "Skip PostgreSQL.")
    boolean noPg;

    @Option(names = "--pg-port", defaultValue = "${env:BENCH_PGPORT:-55432}")
    int pgPort;

    @Option(names = "--pg-data", defaultValue = "${env:BENCH_PGDATA}", description = "The cluster's folder (bench/run sets BENCH_PGDATA).")
    Path pgData;

    @Option(names = "--pg-script", defaultValue = "bench/pg.sh")
    Path pgScript;

    @Option(names = "--keep-caches", description = "Do not drop the OS page cache before cold runs.")
    boolean keepCaches;

    private final PrintStream log = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
            StandardCharsets.UTF_8);
    private final long started = System.nanoTime();

    @Override
    public Integer call() throws Exception {
        int warm = repeats != null ? repeats : smoke ? 3 : 5;
        Path news = data != null ? data : Path.of("..", "shared", "data", "news").toAbsolutePath().normalize();
        List<String> names = corpora != null ? corpora : smoke ? List.of("1tv-slice") : List.of("1tv", "1tv-x10", "tg");
        Files.createDirectories(work);
        Caches caches = new Caches(!keepCaches);
        OursSide ours = new OursSide(nwatch, caches, 5000);
        PostgresSide pg = noPg ? null : new PostgresSide("127.0.0.1", pgPort, pgScript, requirePgData(), caches);
        RipgrepSide rg = RipgrepSide.available() ? new RipgrepSide(caches) : null;
        if (rg == null) {
            log("ripgrep (rg) not found: its column stays empty");
        }
        String stem = smoke ? "smoke" : "results";
        ResultTable table = new ResultTable();
        Machine machine = Machine.describe(work);
        for (String name : names) {
            Corpus c = prepare(name, news);
            log("corpus %s: %,d lines (%s)", c.name(), c.lines(), c.file());
            runCorpus(c, ours, pg, rg, warm, table);
            write(table, machine, caches, stem, warm);
        }
        for (Suite s : noSuites ? List.<Suite>of() : suites()) {
            log("suite %s", s.name());
            List<Row> rows = s.run(work, smoke, warm);
            rows.forEach(table::add);
            rows.forEach(r -> log("    %s: %.1f ms (%s)", r.figure(), r.oursInProcess(), r.note()));
            write(table, machine, caches, stem, warm);
        }
        write(table, machine, caches, stem, warm);
        System.out.println(report(table, machine, caches, warm));
        log("done in %.0f s; table in %s", elapsed(), out.resolve(stem + ".md"));
        return 0;
    }

    private Path requirePgData() {
        if (pgData == null || !Files.exists(pgData.resolve("postmaster.pid"))) {
            throw new BenchException("no running PostgreSQL cluster at --pg-data " + pgData
                    + " (bench/run starts one; or pass --no-pg)");
        }
        return pgData;
    }

    private Corpus prepare(String name, Path news) throws IOException {
        Path tv = news.resolve("1tv_ru.jsonl.gz");
        Path tg = news.resolve("tg_news_ru_2024.jsonl.gz");
        return switch (name) {
            case "1tv" -> Corpus.of("1tv", need(tv), work);
            case "1tv-x10" -> Corpus.multiplied("1tv-x10", need(tv), 10, work);
            case "tg" -> Corpus.of("tg", need(tg), work);
            case "1tv-slice" -> Corpus.slice("1tv-slice", need(tv), slice, work);
            default -> throw new BenchException("--corpora: unknown corpus '" + name + "' (1tv, 1tv-x10, tg, 1tv-slice)");
        };
    }

    private static Path need(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new BenchException("corpus file " + p + " is missing (pass --data DIR with the news JSONL files)");
        }
        return p;
    }

    private void runCorpus(Corpus c, OursSide ours, PostgresSide pg, RipgrepSide rg, int warm, ResultTable table)
            throws IOException {
        Path index = work.resolve("index-" + c.name());
        Corpus.deleteTree(index);
        log("  nwatch import ...");
        ImportFigures oi = ours.importCorpus(c, index);
        log("  nwatch: %,d articles in %.1f s (%s)", oi.articles(), oi.wallSeconds(), oi.detail());
        ImportFigures pi = null;
        if (pg != null) {
            log("  PostgreSQL load ...");
            pi = pg.load(c, work);
            log("  PostgreSQL: %,d articles in %.1f s (%s)", pi.articles(), pi.wallSeconds(), pi.detail());
        }
        String n = c.name();
        double nan = Double.NaN;
        Long pgArticles = pi == null ? null : pi.articles();
        table.add(new Row(n, "import, JSONL → searchable", "articles/s", Row.Better.HIGHER, oi.innerRate(), oi.rate(),
                pi == null ? nan : pi.rate(), nan, oi.articles(), pgArticles, null,
                "ours in-process = the importer's own clock (no JVM start); PostgreSQL = COPY + conversion + GIN and day indexes"));
        table.add(new Row(n, "import per CPU-second", "articles/CPU·s", Row.Better.HIGHER, nan, oi.cpuRate(),
                pi == null ? nan : pi.cpuRate(), nan, null, null, null,
                "user+system CPU: robust to other load on the machine"));
        table.add(new Row(n, "import peak memory", "MiB", Row.Better.LOWER, nan, oi.peakMemoryMiB(),
                pi == null ? nan : pi.peakMemoryMiB(), nan, null, null, null,
                "ours: " + oi.memoryHow() + (pi == null ? "" : "; PostgreSQL: " + pi.memoryHow())));
        table.add(new Row(n, "size on disk", "MiB", Row.Better.LOWER, nan, oi.sizeMiB(),
                pi == null ? nan : pi.sizeMiB(), nan, null, null, null,
                pi == null ? null : "PostgreSQL: table + TOAST + indexes; " + pi.detail()));
        List<Double> cliCalls = new ArrayList<>();
        List<Double> psqlCalls = new ArrayList<>();
        for (Workload w : Workload.ALL) {
            log("  %s: %s", w.name(), w.ours());
            Timing in = ours.inProcess(w, index, warm);
            Timing cli = ours.cli(w, index, warm);
            Timing p = pg == null ? Timing.NONE : pg.query(w, warm);
            Timing r = rg == null || w.kind() != Workload.Kind.TIMELINE ? Timing.NONE : rg.count(w, c.plain(), warm);
            if (!java.util.Objects.equals(in.count(), cli.count())) {
                throw new IllegalStateException("CLI and in-process counts differ for " + w.ours() + ": " + cli.count()
                        + " vs " + in.count());
            }
            log("    ours %.1f ms (cli %.0f ms), PostgreSQL %.1f ms, rg %.1f ms; counts %s / %s / %s", in.warmMedianMs(),
                    cli.warmMedianMs(), p.warmMedianMs(), r.warmMedianMs(), in.count(), p.count(), r.count());
            String label = switch (w.kind()) {
                case TIMELINE -> "daily timeline: " + w.name();
                case SHARE -> "daily share (count/total): " + w.name();
                case SEARCH -> "top-20 search";
            };
            table.add(new Row(n, label + " — warm median", "ms", Row.Better.LOWER, in.warmMedianMs(), cli.warmMedianMs(),
                    p.warmMedianMs(), r.warmMedianMs(), in.count(), p.count(), r.count(), null));
            table.add(new Row(n, label + " — cold", "ms", Row.Better.LOWER, in.coldMs(), cli.coldMs(), p.coldMs(),
                    r.coldMs(), null, null, null, null));
            if (w.kind() != Workload.Kind.SEARCH) {
                cliCalls.addAll(cli.warmMs());
                if (pg != null) {
                    psqlCalls.addAll(pg.cliCall(w, warm));
                }
            }
        }
        // what a shell user waits for per call, both sides starting a process: JVM start vs psql's connection
        double cpuMs = ours.cliCpuMs(Workload.ALL.get(0), index, warm);
        table.add(new Row(n, "CLI call, daily timeline, end to end — median", "ms", Row.Better.LOWER, nan,
                Measure.median(cliCalls), Measure.median(psqlCalls), nan, null, null, null,
                String.format(Locale.ROOT, "ours: `nwatch timeline QUERY --index DIR --by day --format json`, process start "
                        + "to exit, median of the %d warm calls of the 5 timeline queries above (CPU user+system of a "
                        + "call: %.0f ms, median of %d); PostgreSQL: `psql -c` with the same statements, one process per call, "
                        + "connection included (target: ours ≤ 350 ms)", cliCalls.size(), cpuMs, warm)));
        List<Workload> batch = BatchQueries.all();
        int batchRuns = Math.min(warm, 3);
        log("  batch: %d queries from one start", batch.size());
        OursSide.Batch obatch = ours.cliBatch(batch, index, work, batchRuns);
        Timing ob = obatch.timing();
        Timing pb = pg == null ? Timing.NONE : pg.batch(batch, work, batchRuns);
        double q = batch.size();
        log("    ours %.0f ms, PostgreSQL %.0f ms; counts %s / %s", ob.warmMedianMs(), pb.warmMedianMs(), ob.count(), pb.count());
        table.add(new Row(n, "CLI batch: " + batch.size() + " daily timelines from one start", "queries/s", Row.Better.HIGHER,
                nan, q / (ob.warmMedianMs() / 1000), q / (pb.warmMedianMs() / 1000), nan, ob.count(), pb.count(), null,
                String.format(Locale.ROOT, "ours: `nwatch timeline --queries FILE --by day --format json` (JSON Lines), "
                        + "process start to exit, median of %d runs (%.1f queries per CPU-second: user+system %.2f s); "
                        + "PostgreSQL: the same statements in one `psql -f FILE`, connection included; words, AND, OR, "
                        + "phrases, NEAR/5 (target: ours ≥ 50 queries/s on 1tv)",
                        batchRuns, q / obatch.cpuSeconds(), obatch.cpuSeconds())));
        log("  explain: %s vs rest", ExplainRows.QUERY);
        ExplainRows.run(n, index, classPath, warm, new Caches(!keepCaches)).forEach(table::add);
    }

    private void write(ResultTable table, Machine machine, Caches caches, String stem, int warm) throws IOException {
        table.write(out, stem);
        Files.writeString(out.resolve(stem + ".md"), report(table, machine, caches, warm), StandardCharsets.UTF_8);
    }

    private String report(ResultTable table, Machine machine, Caches caches, int warm) {
        return "# bench/run" + (smoke ? " --smoke" : "") + " — " + Instant.now() + "\n\n"
                + String.format(Locale.ROOT, "Run time so far %.0f s. Warm = median of %d runs. %s. "
                        + "Ratios (× vs PG) are PostgreSQL's time / ours (in-process, or CLI where marked), or our rate / "
                        + "PostgreSQL's; above 1 means we are faster.%n%n", elapsed(), warm, caches.describe())
                + table.markdown() + "\n" + machine.markdown() + "\n";
    }

    private double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void log(String fmt, Object... args) {
        log.printf(Locale.ROOT, "[bench %5.0fs] " + fmt + "%n", concat(elapsed(), args));
    }

    private static Object[] concat(Object first, Object[] rest) {
        Object[] a = new Object[rest.length + 1];
        a[0] = first;
        System.arraycopy(rest, 0, a, 1, rest.length);
        return a;
    }

}
