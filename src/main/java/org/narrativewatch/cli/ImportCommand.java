package org.narrativewatch.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.ingest.DateWindow;
import org.narrativewatch.ingest.ImportDefaults;
import org.narrativewatch.ingest.ImportReport;
import org.narrativewatch.ingest.Importer;
import org.narrativewatch.ingest.Source;
import org.narrativewatch.ingest.Sources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import articles from files (JSONL, CSV; plain or gzip) into the index.",
                "Re-importing adds nothing; bad records are reported with file and line and skipped.",
                "Every file is attempted; the end report gives each file's outcome, and the exit code is 1",
                "when any file could not be read to its end."})
public final class ImportCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<String> files;

    @Option(names = "--outlet", description = "Outlet name for records without a source field (overrides none).")
    String outlet;

    @Option(names = "--group", description = "Outlet group label for every imported article (state, independent, ...).")
    String group;

    @Option(names = "--lang", description = "Language for records without one (default: guessed from the text).")
    String lang;

    @Option(names = "--commit-every", defaultValue = "200000",
            description = "Commit every N records, and at least every 30 s (default: ${DEFAULT-VALUE}); a killed import resumes after the last commit.")
    int commitEvery;

    @Mixin
    DateWindowOptions dates;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = Formats.TextJsonConverter.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Formats.TextJson format;

    @Override
    public Integer call() throws Exception {
        DateWindow window = dates.window(Clock.systemUTC());
        ImportDefaults defaults = new ImportDefaults(outlet, group, lang, Map.of(), window.clock(), window);
        boolean json = format == Formats.TextJson.JSON;
        // live progress on a terminal only: it is not the command's output
        PrintStream progress = System.console() != null && !json ? System.err : null;
        PrintWriter out = spec.commandLine().getOut();
        List<ImportReport> reports = new ArrayList<>();
        try (Engine engine = engineOptions.open()) {
            Importer importer = new Importer(engine, commitEvery, 30, progress).dates(window);
            for (String f : files) {
                ImportReport r = importOne(importer, f, defaults);
                reports.add(r);
                if (!json) {
                    print(out, r);
                }
            }
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("imports", reports.stream().map(ImportCommand::json).toList());
                result.put("stats", Corpus.of(engine).stats());
                Output.json(out, result);
            } else if (files.size() > 1) {
                summary(out, reports);
            }
        }
        long failed = reports.stream().filter(r -> r.failure() != null).count();
        if (failed > 0) {
            spec.commandLine().getErr().println("nwatch: " + failed + " of " + reports.size() + " files could not be read to the end: "
                    + TerminalText.escape(reports.stream().filter(r -> r.failure() != null)
                    .map(ImportReport::failure).findFirst().orElse("")) + (failed > 1 ? " (and more above)" : ""));
            spec.commandLine().getErr().flush();
            return 1;
        }
        return 0;
    }

    /**
     * One file, whatever goes wrong with it: a file that cannot be opened or read becomes a failed
     * outcome naming it, and the next file is attempted. Only the engine itself failing (a full disk,
     * a lock) ends the run, since no other file could be stored either.
     */
    private static ImportReport importOne(Importer importer, String f, ImportDefaults defaults) throws Exception {
        Source src;
        try {
            src = Sources.open(f, defaults);
        } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
            return ImportReport.failed(f, org.narrativewatch.ingest.Importer.failureMessage(f, e));
        }
        try (src) {
            return importer.run(src);
        }
    }

    private static Map<String, Object> json(ImportReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", r.source());
        m.put("outcome", r.outcome());
        m.put("read", r.read());
        m.put("added", r.added());
        m.put("alreadyPresent", r.alreadyPresent());
        m.put("rejected", r.rejected());
        m.put("skipped", r.skipped());
        m.put("reasons", r.reasons());
        m.put("examples", r.examples());
        m.put("seconds", r.seconds());
        m.put("failure", r.failure());
        return m;
    }

    private static void print(PrintWriter o, ImportReport r) {
        String name = TerminalText.escape(r.source());
        if (r.read() == 0 && r.failure() != null) {
            o.printf(Locale.ROOT, "%s: FAILED: %s%n", name, TerminalText.escape(r.failure()));
            return;
        }
        o.printf(Locale.ROOT, "%s: read %,d, added %,d, already present %,d, rejected %,d%s in %.1f s (%,.0f records/s)%n",
                name, r.read(), r.added(), r.alreadyPresent(), r.rejected(),
                r.skipped() > 0 ? String.format(Locale.ROOT, ", skipped %,d committed by an earlier run", r.skipped()) : "",
                r.seconds(), r.read() / Math.max(r.seconds(), 1e-9));
        r.reasons().forEach((reason, n) -> o.printf(Locale.ROOT, "  rejected %,d: %s%n", n, TerminalText.escape(reason)));
        for (String e : r.examples()) {
            o.println("    " + TerminalText.escape(e));
        }
        if (r.failure() != null) {
            o.printf(Locale.ROOT, "  INCOMPLETE: %s%n", TerminalText.escape(r.failure()));
        }
    }

    private static void summary(PrintWriter o, List<ImportReport> reports) {
        o.println();
        o.println("files:");
        for (ImportReport r : reports) {
            o.printf(Locale.ROOT, "  %-10s %s%s%n", r.outcome(), TerminalText.escape(r.source()),
                    r.failure() == null ? String.format(Locale.ROOT, " (%,d added, %,d rejected)", r.added(), r.rejected())
                            : String.format(Locale.ROOT, " (%,d added): %s", r.added(), TerminalText.escape(
                                    r.failure().startsWith(r.source() + ": ") ? r.failure().substring(r.source().length() + 2)
                                            : r.failure())));
        }
    }
}
