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
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.query.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    /** Defaults of the full run (docs/benchmarks.md, "How steady the figures are", says why these). */
    static final int WARM_DEFAULT = 30;
    static final int COLD_DEFAULT = 5;
    static final int IMPORT_DEFAULT = 3;

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

    @Option(names = "--repeats", description = "Warm runs per query in process and in PostgreSQL, in 3 blocks "
            + "interleaved across the systems (ripgrep: at most 2 per block) (default " + WARM_DEFAULT + "; 3 with --smoke).")
    Integer repeats;

    @Option(names = "--cold-repeats", description = "Cold calls per query and system (page cache dropped, index freshly "
            + "opened, PostgreSQL restarted), interleaved across the systems; median and min–max reported "
            + "(default " + COLD_DEFAULT + "; 1 with --smoke).")
    Integer coldRepeats;

    @Option(names = "--cli-repeats", description = "Warm CLI calls per query (ours and psql's interleaved), and runs "
            + "of the explain rows (default 5; 3 with --smoke); batch runs: at most 3.")
    Integer cliRepeats;

    @Option(names = "--import-repeats", description = "Imports per corpus, ours and PostgreSQL's interleaved; median "
            + "and min–max reported (default " + IMPORT_DEFAULT + "; 1 with --smoke; 1tv-x10: --x10-import-repeats).")
    Integer importRepeats;

    @Option(names = "--x10-import-repeats", defaultValue = "1", description = "Imports of the 1tv-x10 corpus "
            + "(~2.5 min each; default: ${DEFAULT-VALUE}).")
    int x10ImportRepeats;

    @Option(names = "--keep", paramLabel = "DIR", description = "Keep the corpora, our indexes and PostgreSQL's "
            + "cluster in DIR (new or empty; bench/run puts the cluster there), with a stamp per corpus, for --reuse.")
    Path keep;

    @Option(names = "--reuse", paramLabel = "DIR", description = "Skip the imports: run the query rows against the "
            + "indexes kept in DIR by --keep (default corpora: those kept there); stops if an index differs from its stamp.")
    Path reuse;

    @Option(names = "--corpora", split = ",", description = "Subset of: 1tv, 1tv-x10, tg (default: all; 1tv-slice with --smoke).")
    List<String> corpora;

    @Option(names = "--nwatch", defaultValue = "./nwatch", description = "The CLI launcher (default: ${DEFAULT-VALUE}).")
    Path nwatch;

    @Option(names = "--class-path", defaultValue = "${sys:java.class.path}",
            description = "Class path of the suites run in their own JVM (default: this JVM's: the bench jar and target/nwatch.jar).")
    String classPath;

    @Option(names = "--no-suites", description = "Skip the sections that are not about a corpus (PELT).")
    boolean noSuites;

    @Mixin
    PostgresOptions pg = new PostgresOptions();

    @Option(names = "--keep-caches", description = "Do not drop the OS page cache before cold runs.")
    boolean keepCaches;

    private final PrintStream log = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
            StandardCharsets.UTF_8);
    private final long started = System.nanoTime();

    /** How many times each figure is measured in this run. */
    record Counts(int warm, int cold, int cli, int imports, int x10Imports) {}

    @Override
    public Integer call() throws Exception {
        Counts n = new Counts(positive("--repeats", repeats != null ? repeats : smoke ? 3 : WARM_DEFAULT),
                positive("--cold-repeats", coldRepeats != null ? coldRepeats : smoke ? 1 : COLD_DEFAULT),
                positive("--cli-repeats", cliRepeats != null ? cliRepeats : smoke ? 3 : 5),
                positive("--import-repeats", importRepeats != null ? importRepeats : smoke ? 1 : IMPORT_DEFAULT),
                positive("--x10-import-repeats", x10ImportRepeats));
        if (keep != null && reuse != null) {
            throw new BenchException("--keep and --reuse together: a reused folder is kept anyway; pass one");
        }
        if (keep != null && !isEmptyOrMissing(keep) && !Files.isDirectory(keep.resolve("pg"))) {
            // bench/run makes DIR/pg for the cluster before this runs; anything else there is someone else's
            throw new BenchException("--keep " + keep + " is not empty: remove it, or --reuse it");
        }
        Path news = data != null ? data : Path.of("..", "shared", "data", "news").toAbsolutePath().normalize();
        List<String> names = corpora != null ? corpora
                : reuse != null ? KeptCorpus.keptIn(reuse)
                : smoke ? List.of("1tv-slice") : List.of("1tv", "1tv-x10", "tg");
        if (names.isEmpty()) {
            throw new BenchException("--reuse " + reuse + ": no kept corpus there (no *.stamp.json); make one with --keep");
        }
        Files.createDirectories(work);
        Caches caches = new Caches(!keepCaches);
        OursSide ours = new OursSide(nwatch, caches, 5000);
        PostgresSide cluster = pg.cluster(caches, "bench/run");
        RipgrepSide rg = RipgrepSide.available() ? new RipgrepSide(caches) : null;
        if (rg == null) {
            log("ripgrep (rg) not found: its column stays empty");
        }
        String stem = smoke ? "smoke" : "results";
        ResultTable table = new ResultTable();
        Machine machine = Machine.describe(work);
        List<String> loads = new ArrayList<>();
        for (String name : names) {
            String loadBefore = Machine.loadAverage();
            PostgresSide pg = cluster == null ? null : cluster.on(name);
            Path index;
            Corpus c;
            if (reuse != null) {
                c = checkKept(name, news, pg);
                index = KeptCorpus.indexOf(reuse, name);
                log("corpus %s: reusing %s (%,d lines; stamp checked)", name, index, c.lines());
            } else {
                Path home = keep != null ? keep : work;
                c = prepare(name, news, home);
                log("corpus %s: %,d lines (%s)", c.name(), c.lines(), c.file());
                index = home.resolve("index-" + c.name());
                importRows(c, index, ours, pg, name.equals("1tv-x10") ? n.x10Imports() : n.imports(), table);
                if (keep != null) {
                    stamp(c, name, news, index, pg);
                }
            }
            queryRows(c, index, ours, pg, rg, n, table);
            if (pg != null && keep == null && reuse == null) {
                pg.dropDatabase(); // the next corpus's load gets the disk; nothing keeps it
            }
            loads.add(name + ": " + loadBefore + " → " + Machine.loadAverage());
            write(table, machine, caches, stem, n, loads);
        }
        for (Suite s : noSuites ? List.<Suite>of() : suites()) {
            log("suite %s", s.name());
            List<Row> rows = s.run(work, smoke, n.warm());
            rows.forEach(table::add);
            rows.forEach(r -> log("    %s: %.1f ms (%s)", r.figure(), r.oursInProcess(), r.note()));
            write(table, machine, caches, stem, n, loads);
        }
        write(table, machine, caches, stem, n, loads);
        System.out.println(report(table, machine, caches, n, loads));
        log("done in %.0f s; table in %s", elapsed(), out.resolve(stem + ".md"));
        return 0;
    }

    private static int positive(String option, int v) {
        if (v < 1) {
            throw new BenchException(option + " must be at least 1, not " + v);
        }
        return v;
    }

    private static boolean isEmptyOrMissing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }


    private Corpus prepare(String name, Path news, Path home) throws IOException {
        return switch (name) {
            case "1tv" -> Corpus.of("1tv", need(source(name, news)), home);
            case "1tv-x10" -> Corpus.multiplied("1tv-x10", need(source(name, news)), 10, home);
            case "tg" -> Corpus.of("tg", need(source(name, news)), home);
            case "1tv-slice" -> Corpus.slice("1tv-slice", need(source(name, news)), slice, home);
            default -> throw new BenchException("--corpora: unknown corpus '" + name + "' (1tv, 1tv-x10, tg, 1tv-slice)");
        };
    }

    /** The file in --data a corpus is made from. */
    static Path source(String name, Path news) {
        return switch (name) {
            case "1tv", "1tv-x10", "1tv-slice" -> news.resolve("1tv_ru.jsonl.gz");
            case "tg" -> news.resolve("tg_news_ru_2024.jsonl.gz");
            default -> throw new BenchException("--corpora: unknown corpus '" + name + "' (1tv, 1tv-x10, tg, 1tv-slice)");
        };
    }

    private static Path need(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new BenchException("corpus file " + p + " is missing (pass --data DIR with the news JSONL files)");
        }
        return p;
    }

    /** Writes the stamp --reuse checks (after the last import of the corpus). */
    private void stamp(Corpus c, String name, Path news, Path index, PostgresSide pg) throws IOException {
        Path src = source(name, news);
        KeptCorpus.FileFacts s = KeptCorpus.FileFacts.of(src);
        org.narrativewatch.index.Snapshot snap = snapshot(index);
        new KeptCorpus(name, src.toAbsolutePath().toString(), s.bytes(), s.mtime(), c.plain().toAbsolutePath().toString(),
                Files.size(c.plain()), c.lines(), c.file().equals(c.plain()), snap.articles(), snap.version(),
                pg == null ? null : pg.database(), pg == null ? null : pg.articles(), Instant.now().toString()).write(keep);
        log("  kept in %s (stamp %s)", keep, KeptCorpus.stampFile(keep, name).getFileName());
    }

    private static org.narrativewatch.index.Snapshot snapshot(Path index) throws IOException {
        try (org.narrativewatch.index.LuceneEngine e = org.narrativewatch.index.LuceneEngine.open(index)) {
            return org.narrativewatch.index.Corpus.of(e).snapshot();
        }
    }

    /** The kept corpus, after checking that DIR still holds what its stamp says; stops the run otherwise. */
    Corpus checkKept(String name, Path news, PostgresSide pg) throws IOException {
        KeptCorpus k = KeptCorpus.read(reuse, name);
        Path index = KeptCorpus.indexOf(reuse, name);
        if (!Files.isDirectory(index)) {
            throw new BenchException("--reuse " + reuse + ": the kept index " + index + " is gone");
        }
        org.narrativewatch.index.Snapshot snap;
        try {
            snap = snapshot(index);
        } catch (RuntimeException | IOException e) {
            throw new BenchException("--reuse " + reuse + ": this build cannot read the kept index of " + name + " ("
                    + e.getMessage() + "); make it again with --keep");
        }
        Path src = Path.of(k.source());
        Path plain = Path.of(k.plain());
        List<String> d = k.differences(Files.isRegularFile(src) ? KeptCorpus.FileFacts.of(src) : null,
                Files.isRegularFile(plain) ? KeptCorpus.FileFacts.of(plain) : null, snap.articles(), snap.version(),
                pg == null ? null : pg.articles());
        if (!source(name, news).toAbsolutePath().normalize().equals(src.toAbsolutePath().normalize())) {
            d = new ArrayList<>(d);
            d.add("it was made from " + src + ", not from " + source(name, news) + " (--data)");
        }
        if (!d.isEmpty()) {
            throw new BenchException("--reuse " + reuse + ": the kept corpus " + name + " is not what its stamp says: "
                    + String.join("; ", d));
        }
        return k.corpus();
    }

    /** The import rows: {@code repeats} imports of each system, interleaved (ours, PG, PG, ours, …); medians. */
    private void importRows(Corpus c, Path index, OursSide ours, PostgresSide pg, int repeats, ResultTable table)
            throws IOException {
        List<ImportFigures> oi = new ArrayList<>();
        List<ImportFigures> pi = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            // alternate which goes first, so that neither always runs right after the other's writes
            boolean oursFirst = i % 2 == 0;
            for (int side = 0; side < 2; side++) {
                if ((side == 0) == oursFirst) {
                    Corpus.deleteTree(index);
                    Exec.bash("sync");
                    log("  nwatch import (%d of %d) ...", i + 1, repeats);
                    ImportFigures f = ours.importCorpus(c, index);
                    log("  nwatch: %,d articles in %.1f s (%s)", f.articles(), f.wallSeconds(), f.detail());
                    oi.add(f);
                } else if (pg != null) {
                    if (i == 0) {
                        pg.createDatabase();
                    }
                    log("  PostgreSQL load (%d of %d) ...", i + 1, repeats);
                    ImportFigures f = pg.load(c, work);
                    log("  PostgreSQL: %,d articles in %.1f s (%s)", f.articles(), f.wallSeconds(), f.detail());
                    pi.add(f);
                }
            }
        }
        check("our imports", oi);
        check("PostgreSQL's loads", pi);
        String n = c.name();
        ImportFigures o = oi.get(oi.size() - 1);
        ImportFigures p = pi.isEmpty() ? null : pi.get(pi.size() - 1);
        Long pgArticles = p == null ? null : p.articles();
        List<Double> oInner = each(oi, ImportFigures::innerRate);
        List<Double> oRate = each(oi, ImportFigures::rate);
        List<Double> pRate = each(pi, ImportFigures::rate);
        String imports = "imports";
        table.add(new Row(n, "import, JSONL → searchable", "articles/s", Row.Better.HIGHER, Measure.median(oInner),
                Measure.median(oRate), Measure.median(pRate), Double.NaN, o.articles(), pgArticles, null,
                "ours in-process = the importer's own clock (no JVM start); PostgreSQL = COPY + conversion + GIN and day indexes"
                        + (repeats > 1 ? "; median of " + repeats + " imports each, interleaved" : ""),
                new Row.Spreads(imports, Spread.of(oInner), Spread.of(oRate), Spread.of(pRate), Spread.NONE,
                        Spread.pairedRatios(oInner, pRate, Row.Better.HIGHER))));
        List<Double> oCpu = each(oi, ImportFigures::cpuRate);
        List<Double> pCpu = each(pi, ImportFigures::cpuRate);
        table.add(new Row(n, "import per CPU-second", "articles/CPU·s", Row.Better.HIGHER, Double.NaN, Measure.median(oCpu),
                Measure.median(pCpu), Double.NaN, null, null, null,
                "user+system CPU: robust to other load on the machine",
                new Row.Spreads(imports, Spread.NONE, Spread.of(oCpu), Spread.of(pCpu), Spread.NONE,
                        Spread.pairedRatios(oCpu, pCpu, Row.Better.HIGHER))));
        List<Double> oMem = each(oi, ImportFigures::peakMemoryMiB);
        List<Double> pMem = each(pi, ImportFigures::peakMemoryMiB);
        table.add(new Row(n, "import peak memory", "MiB", Row.Better.LOWER, Double.NaN, Measure.median(oMem),
                Measure.median(pMem), Double.NaN, null, null, null,
                "ours: " + o.memoryHow() + (p == null ? "" : "; PostgreSQL: " + p.memoryHow()),
                new Row.Spreads(imports, Spread.NONE, Spread.of(oMem), Spread.of(pMem), Spread.NONE,
                        Spread.pairedRatios(oMem, pMem, Row.Better.LOWER))));
        table.add(new Row(n, "size on disk", "MiB", Row.Better.LOWER, Double.NaN, o.sizeMiB(),
                p == null ? Double.NaN : p.sizeMiB(), Double.NaN, null, null, null,
                p == null ? null : "PostgreSQL: table + TOAST + indexes; " + p.detail()));
    }

    private static List<Double> each(List<ImportFigures> fs, java.util.function.ToDoubleFunction<ImportFigures> f) {
        return fs.stream().map(x -> f.applyAsDouble(x)).toList();
    }

    /** Every repetition must have loaded the same articles. */
    private static void check(String what, List<ImportFigures> fs) {
        if (fs.stream().map(ImportFigures::articles).distinct().count() > 1) {
            throw new IllegalStateException(what + " stored different numbers of articles: "
                    + fs.stream().map(ImportFigures::articles).toList());
        }
    }

    /** One timed step of the cold round: one system's cold call. */
    private interface Step {
        void run() throws IOException;
    }

    private void queryRows(Corpus c, Path index, OursSide ours, PostgresSide pg, RipgrepSide rg, Counts reps,
                           ResultTable table) throws IOException {
        String n = c.name();
        double nan = Double.NaN;
        OursSide.prime(index, Workload.ALL);
        List<Double> cliCalls = new ArrayList<>();
        List<Double> psqlCalls = new ArrayList<>();
        for (Workload w : Workload.ALL) {
            log("  %s: %s", w.name(), w.ours());
            Query q = Query.parse(w.ours());
            boolean withRg = rg != null && w.kind() == Workload.Kind.TIMELINE && w.rg() != null;
            // cold: every system's calls interleaved, the order reversed every other round (ours, CLI, PG, rg,
            // then rg, PG, CLI, ours), so that drift in the machine's load falls on all of them alike
            List<Call> inCold = new ArrayList<>();
            List<Call> cliCold = new ArrayList<>();
            List<Call> pgCold = new ArrayList<>();
            List<Call> rgCold = new ArrayList<>();
            List<Step> steps = new ArrayList<>();
            steps.add(() -> inCold.add(ours.coldInProcess(w, index)));
            steps.add(() -> cliCold.add(ours.coldCli(w, index)));
            if (pg != null) {
                steps.add(() -> pgCold.add(pg.coldQuery(w)));
            }
            if (withRg) {
                steps.add(() -> rgCold.add(rg.cold(w, c.plain())));
            }
            for (int i = 0; i < reps.cold(); i++) {
                List<Step> round = new ArrayList<>(steps);
                if (i % 2 == 1) {
                    java.util.Collections.reverse(round);
                }
                for (Step s : round) {
                    s.run();
                }
            }
            long count = sameCount("in-process cold calls", w, inCold);
            Long cliCount = sameCount("CLI cold calls", w, cliCold);
            if (cliCount != count) {
                throw new IllegalStateException("CLI and in-process counts differ for " + w.ours() + ": " + cliCount
                        + " vs " + count);
            }
            Long pgCount = pg == null ? null : sameCount("PostgreSQL's cold statements", w, pgCold);
            Long rgCount = withRg ? sameCount("ripgrep's cold runs", w, rgCold) : null;
            // warm: the engine opened once and warmed up; blocks of runs interleaved with PostgreSQL's and ripgrep's
            List<List<Double>> inBlocks = new ArrayList<>();
            List<List<Double>> pgBlocks = new ArrayList<>();
            List<List<Double>> rgBlocks = new ArrayList<>();
            try (LuceneEngine engine = LuceneEngine.open(index)) {
                ours.warmUp(engine, w, q);
                List<Integer> sizes = blocks(reps.warm());
                // ripgrep is no target's baseline: at most 2 runs a block (0.3–0.7 s each at ×10)
                List<Integer> rgSizes = blocks(Math.min(reps.warm(), 2 * sizes.size()));
                for (int b = 0; b < sizes.size(); b++) {
                    inBlocks.add(OursSide.timedRuns(engine, w, q, sizes.get(b), count));
                    if (pg != null) {
                        pgBlocks.add(pg.warmBlock(w, sizes.get(b)));
                    }
                    if (withRg) {
                        rgBlocks.add(rg.warmBlock(w, c.plain(), rgSizes.get(b)));
                    }
                }
            }
            // warm CLI calls: one untimed (it reads back what the last cold call dropped), then ours and psql's
            // one process per call, interleaved
            ours.cliCall(w, index);
            boolean psqlToo = pg != null && w.kind() != Workload.Kind.SEARCH;
            if (psqlToo) {
                pg.cliCall(w);
            }
            List<Double> cliWarm = new ArrayList<>();
            for (int i = 0; i < reps.cli(); i++) {
                cliWarm.add(ours.cliCall(w, index).ms());
                if (psqlToo) {
                    psqlCalls.add(pg.cliCall(w));
                }
            }
            Timing in = new Timing(ms(inCold), inBlocks, count);
            Timing cli = new Timing(ms(cliCold), List.of(cliWarm), cliCount);
            Timing p = pg == null ? Timing.NONE : new Timing(ms(pgCold), pgBlocks, pgCount);
            Timing r = withRg ? new Timing(ms(rgCold), rgBlocks, rgCount) : Timing.NONE;
            log("    warm: ours %.2f ms (cli %.0f ms), PostgreSQL %.1f ms, rg %.1f ms; counts %s / %s / %s", in.warmMedianMs(),
                    cli.warmMedianMs(), p.warmMedianMs(), r.warmMedianMs(), in.count(), p.count(), r.count());
            log("    cold: ours %s ms, CLI %s ms, PostgreSQL %s ms, rg %s ms", in.cold().range(), cli.cold().range(),
                    p.cold().range(), r.cold().range());
            String label = switch (w.kind()) {
                case TIMELINE -> "daily timeline: " + w.name();
                case SHARE -> "daily share (count/total): " + w.name();
                case SEARCH -> "top-20 search";
            };
            table.add(new Row(n, label + " — warm median", "ms", Row.Better.LOWER, in.warmMedianMs(), cli.warmMedianMs(),
                    p.warmMedianMs(), r.warmMedianMs(), in.count(), p.count(), r.count(), null,
                    new Row.Spreads("warm blocks", in.blockSpread(), Spread.NONE, p.blockSpread(), r.blockSpread(),
                            Spread.pairedRatios(in.blockMedians(), p.blockMedians(), Row.Better.LOWER))));
            table.add(new Row(n, label + " — cold", "ms", Row.Better.LOWER, in.coldMs(), cli.coldMs(), p.coldMs(),
                    r.coldMs(), null, null, null, null,
                    new Row.Spreads("cold calls", in.cold(), cli.cold(), p.cold(), r.cold(),
                            Spread.pairedRatios(in.colds(), p.colds(), Row.Better.LOWER))));
            if (w.kind() != Workload.Kind.SEARCH) {
                cliCalls.addAll(cli.warmMs());
            }
            sampleLines.addAll(samples(n, w.name(), in, cli, p, r));
        }
        // what a shell user waits for per call, both sides starting a process: JVM start vs psql's connection
        double cpuMs = ours.cliCpuMs(Workload.ALL.get(0), index, reps.cli());
        table.add(new Row(n, "CLI call, daily timeline, end to end — median", "ms", Row.Better.LOWER, nan,
                Measure.median(cliCalls), Measure.median(psqlCalls), nan, null, null, null,
                String.format(Locale.ROOT, "ours: `nwatch timeline QUERY --index DIR --by day --format json`, process start "
                        + "to exit, median of the %d warm calls of the 5 timeline queries above (CPU user+system of a "
                        + "call: %.0f ms, median of %d); PostgreSQL: `psql -c` with the same statements, one process per call, "
                        + "connection included, each right after ours (target: ours ≤ 350 ms)", cliCalls.size(), cpuMs,
                        reps.cli()),
                new Row.Spreads("calls", Spread.NONE, Spread.of(cliCalls), Spread.of(psqlCalls), Spread.NONE,
                        Spread.pairedRatios(cliCalls, psqlCalls, Row.Better.LOWER))));
        List<Workload> batch = BatchQueries.all();
        int batchRuns = Math.min(reps.cli(), 3);
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
        ExplainRows.run(n, index, classPath, reps.cli(), new Caches(!keepCaches)).forEach(table::add);
    }

    /** The warm runs split into at most 3 blocks, as even as can be (30 → 10, 10, 10; 4 → 2, 1, 1). */
    static List<Integer> blocks(int runs) {
        int k = Math.min(3, runs);
        List<Integer> sizes = new ArrayList<>();
        for (int b = 0; b < k; b++) {
            sizes.add(runs / k + (b < runs % k ? 1 : 0));
        }
        return sizes;
    }

    private static List<Double> ms(List<Call> calls) {
        return calls.stream().map(Call::ms).toList();
    }

    /** The one count every call of a system reported (they must agree). */
    private static Long sameCount(String what, Workload w, List<Call> calls) {
        List<Long> counts = calls.stream().map(Call::count).distinct().toList();
        if (counts.size() != 1) {
            throw new IllegalStateException(what + " of " + w.ours() + " reported different counts: " + counts);
        }
        return counts.get(0);
    }

    /** Every timing of the run, one line each, for looking at the spread afterwards (SAMPLES_HEADER). */
    private final List<String> sampleLines = new ArrayList<>();

    static final String SAMPLES_HEADER = "corpus,query,system,kind,block,i,ms";

    static List<String> samples(String corpus, String query, Timing in, Timing cli, Timing pg, Timing rg) {
        List<String> lines = new ArrayList<>();
        String[] names = {"ours", "ours-cli", "postgres", "ripgrep"};
        Timing[] ts = {in, cli, pg, rg};
        for (int s = 0; s < ts.length; s++) {
            List<Double> colds = ts[s].colds();
            for (int i = 0; i < colds.size(); i++) {
                lines.add(String.format(Locale.ROOT, "%s,%s,%s,cold,0,%d,%.3f", corpus, query, names[s], i, colds.get(i)));
            }
            List<List<Double>> blocks = ts[s].warmBlocks();
            for (int b = 0; b < blocks.size(); b++) {
                for (int i = 0; i < blocks.get(b).size(); i++) {
                    lines.add(String.format(Locale.ROOT, "%s,%s,%s,warm,%d,%d,%.3f", corpus, query, names[s], b, i,
                            blocks.get(b).get(i)));
                }
            }
        }
        return lines;
    }

    private void write(ResultTable table, Machine machine, Caches caches, String stem, Counts n, List<String> loads)
            throws IOException {
        table.write(out, stem);
        Files.writeString(out.resolve(stem + ".md"), report(table, machine, caches, n, loads), StandardCharsets.UTF_8);
        Files.write(out.resolve(stem + "-samples.csv"),
                java.util.stream.Stream.concat(java.util.stream.Stream.of(SAMPLES_HEADER), sampleLines.stream()).toList(),
                StandardCharsets.UTF_8);
    }

    private String report(ResultTable table, Machine machine, Caches caches, Counts n, List<String> loads) {
        return "# bench/run" + (smoke ? " --smoke" : "") + (reuse != null ? " --reuse " + reuse : "") + " — " + Instant.now()
                + "\n\n"
                + String.format(Locale.ROOT, "Run time so far %.0f s. Warm = median of %d runs (in %d blocks interleaved "
                        + "with PostgreSQL's and ripgrep's; the CLI: %d calls). Cold = median of %d cold calls per system, "
                        + "interleaved; %s. Imports: median of %d per system, interleaved (1tv-x10: %d)%s. "
                        + "Ratios (× vs PG) are PostgreSQL's time / ours (in-process, or CLI where marked), or our rate / "
                        + "PostgreSQL's; above 1 means we are faster. n and min–max: the cold calls (cold rows), the "
                        + "medians of the warm blocks (warm rows), the imports (import rows); × vs PG min–max: the "
                        + "ratio of each pair measured side by side.%n%n",
                        elapsed(), n.warm(), blocks(n.warm()).size(), n.cli(), n.cold(), caches.describe(), n.imports(),
                        n.x10Imports(), reuse != null ? " (not measured here: --reuse skips the imports)" : "")
                + table.markdown() + "\n" + machine.markdown()
                + loads.stream().map(l -> "- load average, " + l + "\n").reduce("", String::concat) + "\n";
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
