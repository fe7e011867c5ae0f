package org.narrativewatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.narrativewatch.UserException;
import org.narrativewatch.explain.names.Gazetteer;
import org.narrativewatch.explain.names.NameTagger;
import picocli.CommandLine.Option;

/** --gazetteer and --format of the commands that report terms and names (explain, cooccur): the tagger and the output. */
public final class TermReportOptions {

    @Option(names = "--gazetteer", paramLabel = "FILE", description = "GeoNames places for the name tagger (optional).")
    Path gazetteer;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    /** The format, lower-cased; refused before any work is done when it is not table, json or csv. */
    String format() {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("table") && !fmt.equals("json") && !fmt.equals("csv")) {
            throw new UserException("--format must be table, json or csv, not '" + format + "'");
        }
        return fmt;
    }

    /** The name tagger, with the places of --gazetteer when given. */
    NameTagger tagger() {
        return NameTagger.create(gazetteer == null ? null : Gazetteer.load(gazetteer));
    }

    /** Prints {@code result} in the checked format {@code fmt}: pretty JSON of {@code json}, or the CSV, or the table. */
    static <R> void print(PrintWriter out, String fmt, R result, Function<R, ?> json, Function<R, String> csv,
            Function<R, String> table) throws IOException {
        switch (fmt) {
            case "json" -> out.println(Output.json().writerWithDefaultPrettyPrinter().writeValueAsString(json.apply(result)));
            case "csv" -> out.print(csv.apply(result));
            default -> out.print(table.apply(result));
        }
        out.flush();
    }
}
