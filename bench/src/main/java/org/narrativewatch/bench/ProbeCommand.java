package org.narrativewatch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.bench.probe.ProbeIndexer;
import org.narrativewatch.bench.probe.ProbeVariant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench/run probe}: the import decomposed feature by feature (issue 14.1). Each corpus is imported by every
 * rung of {@link ProbeVariant}, from a plain Lucene indexer with our lemmas (the probe) to {@code nwatch import}
 * itself, each in a JVM of its own started with the launcher's import options for that file, interleaved with
 * PostgreSQL's load of the same file (the comparison's own code, {@link PostgresSide#load}); the order is reversed
 * every other round. Per rung: wall time, CPU seconds, peak RSS, term occurrences indexed, and the ratio to the
 * PostgreSQL load of the same round.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"The import decomposed: a plain Lucene indexer with our lemmas, then one feature of ours at a time, "
                + "up to nwatch import, each beside PostgreSQL's load of the same file (docs/benchmarks.md, "
                + "'Import, sixth round').",
                "bench/run probe sets up the PostgreSQL cluster (BENCH_PGPORT) and passes --work and --pg-data.",
                "Example: BENCH_PGPORT=55441 bench/run probe --corpora 1tv,tg --repeats 3"})
public final class ProbeCommand implements Callable<Integer> {

    @Option(names = "--work", required = true, description = "Scratch folder (indexes, corpora).")
    Path work;

    @Option(names = "--out", defaultValue = "bench/out", description = "Where the table goes: probe.md (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--data", description = "Folder of the news JSONL files (default: ../shared/data/news).")
    Path data;

    @Option(names = "--corpora", split = ",", defaultValue = "1tv,tg", description = "Subset of: 1tv, tg, 1tv-x10, 1tv-slice (default: ${DEFAULT-VALUE}).")
    List<String> corpora;

    @Option(names = "--corpus-dir", paramLabel = "DIR", description = "Where made corpora (1tv-x10, 1tv-slice) are kept and "
            + "reused across runs (default: the scratch folder, removed at the end).")
    Path corpusDir;

    @Option(names = "--slice", defaultValue = "20000", description = "Articles in 1tv-slice (default: ${DEFAULT-VALUE}).")
    int slice;

    @Option(names = "--variants", split = ",", description = "Rungs to run (default: all): ${COMPLETION-CANDIDATES}.")
    List<String> variants;

    @Option(names = "--repeats", defaultValue = "3", description = "Rounds per corpus, each every rung and PostgreSQL once (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--x10-repeats", defaultValue = "1", description = "Rounds for 1tv-x10 (default: ${DEFAULT-VALUE}).")
    int x10Repeats;

    @Option(names = "--nwatch", defaultValue = "./nwatch", description = "The CLI launcher (default: ${DEFAULT-VALUE}).")
    Path nwatch;

    @Option(names = "--class-path", defaultValue = "${sys:java.class.path}",
            description = "Class path holding the probe's classes (default: this JVM's); the launcher's jar goes first.")
    String classPath;

    @Mixin
    PostgresOptions pg = new PostgresOptions();

    private final PrintStream log = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
            StandardCharsets.UTF_8);

    /** One rung's (or PostgreSQL's) import in one round, with what its index holds. */
    record Run(String who, long articles, double wallSeconds, double innerSeconds, double cpuSeconds, double peakMiB,
               ProbeIndexer.IndexFacts facts, long tokens) {}

    @Override
    public Integer call() throws Exception {
        List<ProbeVariant> rungs = variants == null ? List.of(ProbeVariant.values())
                : variants.stream().map(ProbeCommand::variant).distinct().toList();
        Path news = data != null ? data : Path.of("..", "shared", "data", "news").toAbsolutePath().normalize();
        Files.createDirectories(work);
        if (corpusDir != null) {
            Files.createDirectories(corpusDir);
        }
        PostgresSide cluster = pg.cluster(new Caches(false), "bench/run probe");
        Machine machine = Machine.describe(work);
        StringBuilder md = new StringBuilder();
        md.append("## `bench/run probe ").append(String.join(" ", command())).append("` — ").append(Instant.now())
                .append("\n\n");
        for (String name : corpora) {
            Corpus c = prepare(name, news);
            log("corpus %s: %,d lines (%s)", name, c.lines(), c.file());
            String loadBefore = Machine.loadAverage();
            LauncherJvm jvm = LauncherJvm.of(nwatch, c.file());
            log("  launcher's import JVM options: %s", String.join(" ", jvm.options()));
            Map<String, List<Run>> runs = rounds(c, rungs, cluster == null ? null : cluster.on("probe_" + name), jvm,
                    name.equals("1tv-x10") ? x10Repeats : repeats);
            String loads = loadBefore + " → " + Machine.loadAverage();
            md.append(table(c, runs, rungs, jvm, loads)).append('\n');
            if (cluster != null) {
                cluster.on("probe_" + name).dropDatabase();
            }
            write(md, machine);
        }
        write(md, machine);
        System.out.println(md);
        return 0;
    }

    private static ProbeVariant variant(String id) {
        try {
            return ProbeVariant.of(id);
        } catch (IllegalArgumentException e) {
            throw new BenchException("--variants: " + e.getMessage());
        }
    }

    private List<String> command() {
        List<String> a = new ArrayList<>(List.of("--corpora", String.join(",", corpora)));
        if (variants != null) {
            a.addAll(List.of("--variants", String.join(",", variants)));
        }
        if (corpora.stream().anyMatch(c -> !c.equals("1tv-x10"))) {
            a.addAll(List.of("--repeats", Integer.toString(repeats)));
        }
        if (corpora.contains("1tv-x10")) {
            a.addAll(List.of("--x10-repeats", Integer.toString(x10Repeats)));
        }
        return a;
    }

    private void write(StringBuilder md, Machine machine) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("probe.md"), md + machine.markdown(), StandardCharsets.UTF_8);
    }


    private Corpus prepare(String name, Path news) throws IOException {
        Path home = corpusDir != null ? corpusDir : work;
        Path src = CompareCommand.source(name, news);
        if (!Files.isRegularFile(src)) {
            throw new BenchException("corpus file " + src + " is missing (pass --data DIR with the news JSONL files)");
        }
        switch (name) {
            case "1tv", "tg":
                return Corpus.of(name, src, work);
            case "1tv-x10":
            case "1tv-slice":
                Path made = home.resolve(name + ".jsonl");
                Path stamp = home.resolve(name + ".source");
                String want = src.toAbsolutePath() + "|" + Files.size(src) + "|" + Files.getLastModifiedTime(src).toMillis()
                        + (name.equals("1tv-slice") ? "|" + slice : "");
                if (Files.isRegularFile(made) && Files.isRegularFile(stamp) && Files.readString(stamp).equals(want)) {
                    long n;
                    try (var lines = Files.lines(made, StandardCharsets.UTF_8)) {
                        n = lines.count();
                    }
                    log("  reusing %s (made from %s)", made, src);
                    return new Corpus(name, made, made, n);
                }
                Corpus c = name.equals("1tv-x10") ? Corpus.multiplied(name, src, 10, home) : Corpus.slice(name, src, slice, home);
                Files.writeString(stamp, want);
                return c;
            default:
                throw new BenchException("--corpora: unknown corpus '" + name + "' (1tv, tg, 1tv-x10, 1tv-slice)");
        }
    }

    /** {@code n} rounds: PostgreSQL and every rung once each, in reversed order every other round. */
    private Map<String, List<Run>> rounds(Corpus c, List<ProbeVariant> rungs, PostgresSide pg, LauncherJvm jvm, int n)
            throws IOException {
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        runs.put("pg", new ArrayList<>());
        rungs.forEach(v -> runs.put(v.id(), new ArrayList<>()));
        if (pg != null) {
            pg.createDatabase();
        }
        Path index = work.resolve("probe-index-" + c.name());
        for (int i = 0; i < n; i++) {
            List<String> order = new ArrayList<>(runs.keySet());
            if (i % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String who : order) {
                if (who.equals("pg")) {
                    if (pg == null) {
                        continue;
                    }
                    log("  round %d of %d: PostgreSQL load ...", i + 1, n);
                    ImportFigures f = pg.load(c, work);
                    runs.get(who).add(new Run(who, f.articles(), f.wallSeconds(), Double.NaN, f.cpuSeconds(),
                            f.peakMemoryMiB(), null, -1));
                } else {
                    Corpus.deleteTree(index);
                    Exec.bash("sync");
                    log("  round %d of %d: %s ...", i + 1, n, who);
                    runs.get(who).add(runRung(ProbeVariant.of(who), c, index, jvm));
                }
                Run r = runs.get(who).get(runs.get(who).size() - 1);
                log("    %s: %,d articles in %.1f s, %.1f CPU-s, peak %.0f MiB%s", who, r.articles(), r.wallSeconds(),
                        r.cpuSeconds(), r.peakMiB(), r.facts() == null ? (r.tokens() >= 0 ? ", " + r.tokens() + " tokens" : "")
                                : String.format(Locale.ROOT, ", %,d occurrences, %d segments", r.facts().occurrences(),
                                        r.facts().segments()));
            }
        }
        Corpus.deleteTree(index);
        return runs;
    }

    /** One rung, in a JVM of its own: {@code nwatch import} for P4, else {@link ProbeIndexer} with the launcher's options. */
    Run runRung(ProbeVariant v, Corpus c, Path index, LauncherJvm jvm) throws IOException {
        if (v.isOurImport()) {
            // the comparison's own runner of nwatch import (GNU time around the launcher)
            ImportFigures f = new OursSide(nwatch, new Caches(false), 0).importCorpus(c, index);
            return new Run(v.id(), f.articles(), f.wallSeconds(), f.innerSeconds(), f.cpuSeconds(), f.peakMemoryMiB(),
                    checked(v, ProbeIndexer.IndexFacts.of(index), f.articles()), -1);
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-v"));
        cmd.addAll(jvm.command(classPath, ProbeIndexer.class.getName()));
        cmd.addAll(List.of(v.id(), index.toString(), c.file().toString()));
        Exec.Result r = Exec.run(cmd).check(cmd);
        com.fasterxml.jackson.databind.JsonNode o = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        long articles = o.path("articles").asLong();
        ProbeIndexer.IndexFacts facts = v.writesNoIndex() ? null : checked(v, ProbeIndexer.IndexFacts.of(index), articles);
        return new Run(v.id(), articles, r.nanos() / 1e9, o.path("seconds").asDouble(), Measure.cpuSeconds(r.err()),
                Measure.maxRssMiB(r.err()), facts, v == ProbeVariant.ANALYSE ? o.path("tokens").asLong() : -1);
    }

    private static ProbeIndexer.IndexFacts checked(ProbeVariant v, ProbeIndexer.IndexFacts facts, long articles) {
        if (facts.docs() != articles) {
            throw new IllegalStateException(v.id() + ": the index holds " + facts.docs() + " documents, the run said " + articles);
        }
        return facts;
    }

    /** The Markdown table of one corpus. */
    static String table(Corpus c, Map<String, List<Run>> runs, List<ProbeVariant> rungs, LauncherJvm jvm, String loads) {
        List<Run> pg = runs.getOrDefault("pg", List.of());
        int rounds = runs.values().stream().mapToInt(List::size).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "### %s: %,d lines; %d round(s), load %s%n%n", c.name(), c.lines(), rounds, loads));
        sb.append("Each rung in a JVM of its own with the launcher's import options: `")
                .append(String.join(" ", jvm.options())).append("`. Wall = process start to exit; CPU = user + system "
                        + "(GNU time); peak = max RSS (ours), peak total PSS of the server's processes (PostgreSQL). "
                        + "× PG = PostgreSQL's time over the rung's in the same round (median of the rounds, min–max); "
                        + "occurrences = term positions indexed in body + title (title alone in brackets).\n\n");
        sb.append("| rung | articles | wall s | articles/s | × PG (wall) | CPU-s | articles/CPU·s | × PG (CPU) | peak MiB | "
                + "occurrences | segments |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        if (!pg.isEmpty()) {
            sb.append(row("PostgreSQL (COPY + GIN)", pg, pg));
        }
        for (ProbeVariant v : rungs) {
            sb.append(row(v.id(), runs.get(v.id()), pg));
        }
        sb.append('\n');
        for (ProbeVariant v : rungs) {
            sb.append("- ").append(v.id()).append(": ").append(v.description()).append('\n');
        }
        return sb.toString();
    }

    private static String row(String name, List<Run> rs, List<Run> pg) {
        if (rs == null || rs.isEmpty()) {
            return "";
        }
        List<Double> wall = rs.stream().map(Run::wallSeconds).toList();
        List<Double> cpu = rs.stream().map(Run::cpuSeconds).toList();
        List<Double> peak = rs.stream().map(Run::peakMiB).toList();
        long articles = rs.get(0).articles();
        Spread w = Spread.of(wall);
        Spread cp = Spread.of(cpu);
        String occ = "–";
        String segs = "–";
        ProbeIndexer.IndexFacts f = rs.get(rs.size() - 1).facts();
        if (rs.get(0).tokens() >= 0) {
            occ = String.format(Locale.ROOT, "%,d tokens analysed", rs.get(0).tokens());
        }
        if (f != null) {
            occ = String.format(Locale.ROOT, "%,d (%,d)", f.occurrences(), f.titleOccurrences());
            segs = Integer.toString(f.segments());
        }
        boolean isPg = rs == pg;
        return String.format(Locale.ROOT, "| %s | %,d | %s (%s) | %,.0f | %s | %s (%s) | %,.0f | %s | %,.0f | %s | %s |%n",
                name, articles, num(w.median()), w.range(), articles / w.median(),
                isPg ? "1" : paired(pg, wall, Run::wallSeconds), num(cp.median()), cp.range(), articles / cp.median(),
                isPg ? "1" : paired(pg, cpu, Run::cpuSeconds), Measure.median(peak), occ, segs);
    }

    /** PostgreSQL's figure over ours, round by round: "0.43× (0.40–0.45)". */
    private static String paired(List<Run> pg, List<Double> ours, java.util.function.ToDoubleFunction<Run> f) {
        if (pg.isEmpty()) {
            return "–";
        }
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < Math.min(pg.size(), ours.size()); i++) {
            r.add(f.applyAsDouble(pg.get(i)) / ours.get(i));
        }
        Spread s = Spread.of(r);
        return s.n() == 1 ? String.format(Locale.ROOT, "%.2f×", s.median())
                : String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", s.median(), s.min(), s.max());
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, x >= 100 ? "%.0f" : "%.1f", x);
    }

    private void log(String fmt, Object... args) {
        log.println("bench: " + String.format(Locale.ROOT, fmt, args));
    }

    /**
     * The JVM options the launcher starts {@code nwatch import FILE} with (heap, collector, compilers, class-data
     * archive: they depend on the file's size), read from the launcher itself: it is run with a {@code java} on the
     * PATH that records the command line of the CLI's start instead of starting it (any other java call, such as the
     * launcher's archive training, goes to the real one). So the probe's JVMs start exactly as the real import's.
     */
    record LauncherJvm(List<String> options, String jar) {

        static final String MAIN = "org.narrativewatch.cli.Main";

        static LauncherJvm of(Path launcher, Path file) throws IOException {
            Path dir = Files.createTempDirectory("probe-java-shim");
            try {
                Path args = dir.resolve("args");
                Path shim = dir.resolve("java");
                String realJava = Exec.bash("command -v java").check(List.of("command -v java")).out().trim();
                Files.writeString(shim, "#!/usr/bin/env bash\n"
                        + "for a in \"$@\"; do if [ \"$a\" = " + MAIN + " ]; then printf '%s\\0' \"$@\" > "
                        + Exec.q(args) + "; exit 0; fi; done\n"
                        + "exec " + Exec.q(realJava) + " \"$@\"\n");
                Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
                List<String> cmd = List.of("env", "PATH=" + dir + ":" + System.getenv("PATH"), launcher.toString(), "import",
                        "--index", dir.resolve("unused-index").toString(), file.toString());
                Exec.run(cmd).check(cmd);
                if (!Files.isRegularFile(args)) {
                    throw new BenchException("the launcher " + launcher + " did not start " + MAIN + " with java from the PATH");
                }
                return parse(Arrays.asList(Files.readString(args, StandardCharsets.UTF_8).split("\0")));
            } finally {
                Corpus.deleteTree(dir);
            }
        }

        /** The options before {@code -cp JAR org.narrativewatch.cli.Main}, from the java command line the launcher ran. */
        static LauncherJvm parse(List<String> argv) {
            int cp = argv.indexOf("-cp");
            if (cp < 0 || cp + 2 >= argv.size() || !argv.get(cp + 2).equals(MAIN)) {
                throw new BenchException("unexpected java command line from the launcher: " + argv);
            }
            return new LauncherJvm(List.copyOf(argv.subList(0, cp)), argv.get(cp + 1));
        }

        /**
         * java with these options, the launcher's jar first on the class path (its class-data archive was made for
         * it and stays usable with entries after it), then {@code classPath}'s other entries, and {@code main}.
         */
        List<String> command(String classPath, String main) {
            List<String> cp = new ArrayList<>(List.of(jar));
            for (String e : classPath.split(java.io.File.pathSeparator)) {
                if (!e.isBlank() && !Path.of(e).toAbsolutePath().normalize().equals(Path.of(jar).toAbsolutePath().normalize())) {
                    cp.add(e);
                }
            }
            List<String> cmd = new ArrayList<>(List.of("java"));
            cmd.addAll(options);
            cmd.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, cp), main));
            return cmd;
        }
    }
}
