package org.narrativewatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.narrativewatch.UserException;
import org.narrativewatch.opinion.PollCsv;
import org.narrativewatch.opinion.PollStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nwatch opinion import FILE…}: reads poll CSV files into the poll store beside the index. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import poll CSV files: long (one figure a row: date or fieldwork, source, question, answer, percent, n, mode) "
                + "or wide (a Date column and one column per answer, such as Levada's monthly files).",
                "Polls are stored in polls.json beside the --index folder. Re-importing a file adds nothing; "
                + "bad rows are listed with file and line and the others are still imported (exit 1 when any row was rejected)."})
public final class OpinionImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Poll CSV files.")
    List<Path> files;

    @Option(names = "--assume-n", paramLabel = "N", defaultValue = "" + PollCsv.Options.DEFAULT_ASSUMED_N,
            description = "Sample size assumed where the file gives none (default: ${DEFAULT-VALUE}, a typical national sample); said in every output that uses it.")
    int assumedN;

    @Option(names = "--design-effect", paramLabel = "D", defaultValue = "1.0",
            description = "Variance inflation for weighting and clustering applied to these polls' intervals (default: ${DEFAULT-VALUE}).")
    double designEffect;

    @Option(names = "--pollster", description = "Pollster of a wide file (default: from the file name).")
    String pollster;

    @Option(names = "--question", description = "Question of a wide file (default: from the file name).")
    String question;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PollCsv.Options options = new PollCsv.Options(assumedN, designEffect, pollster, question);
        PollStore store = PollStore.open(PollStore.besideIndex(engine.index));
        List<String> errors = new ArrayList<>();
        int imported = 0;
        for (Path f : files) {
            PollCsv.Result r = PollCsv.read(f, options);
            PollStore.Merge m = store.merge(r.points());
            r.notes().forEach(out::println);
            out.printf(java.util.Locale.ROOT, "%s: %d added, %d updated, %d already present, %d rows rejected%n",
                    f, m.added(), m.updated(), m.unchanged(), r.errors().size());
            errors.addAll(r.errors());
            imported += r.points().size();
        }
        store.save();
        out.println(store.size() + " poll points in " + store.file());
        if (!errors.isEmpty()) {
            errors.forEach(err::println);
            err.flush();
            throw new UserException(errors.size() + " row(s) rejected (listed above); the other " + imported + " were imported");
        }
    }
}
