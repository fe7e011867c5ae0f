package org.narrativewatch.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
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
                "Re-importing adds nothing; bad records are reported with file and line and skipped."})
public final class ImportCommand implements Callable<Integer> {

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

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        ImportDefaults defaults = new ImportDefaults(outlet, group, lang, Map.of(), null);
        PrintStream progress = System.console() != null && !"json".equals(format) ? System.err : null;
        List<ImportReport> reports = new ArrayList<>();
        try (Engine engine = engineOptions.open()) {
            Importer importer = new Importer(engine, commitEvery, 30, progress);
            for (String f : files) {
                try (Source src = Sources.open(f, defaults)) {
                    ImportReport r = importer.run(src);
                    reports.add(r);
                    if (!"json".equals(format)) {
                        print(r);
                    }
                }
            }
            if ("json".equals(format)) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("imports", reports);
                out.put("stats", Corpus.of(engine).stats());
                Output.json(out);
            }
        }
        return 0;
    }

    private static void print(ImportReport r) {
        PrintStream o = Output.OUT;
        o.printf("%s: read %,d, added %,d, already present %,d, rejected %,d%s in %.1f s (%,.0f records/s)%n",
                r.source(), r.read(), r.added(), r.alreadyPresent(), r.rejected(),
                r.skipped() > 0 ? String.format(", skipped %,d committed by an earlier run", r.skipped()) : "",
                r.seconds(), r.read() / Math.max(r.seconds(), 1e-9));
        r.reasons().forEach((reason, n) -> o.printf("  rejected %,d: %s%n", n, reason));
        for (String e : r.examples()) {
            o.println("    " + e);
        }
    }
}
