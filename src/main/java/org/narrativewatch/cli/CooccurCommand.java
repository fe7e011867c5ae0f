package org.narrativewatch.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.narrativewatch.UserException;
import org.narrativewatch.explain.Collocates;
import org.narrativewatch.explain.CollocatesFormat;
import org.narrativewatch.explain.Period;
import org.narrativewatch.explain.names.Gazetteer;
import org.narrativewatch.explain.names.NameTagger;
import org.narrativewatch.index.Engine;
import org.narrativewatch.query.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nwatch cooccur QUERY --within N --by quarter}: the lemmas and names a query travels with, per bucket. */
@Command(name = "cooccur", mixinStandardHelpOptions = true,
        description = {"The lemmas and names most associated with QUERY within N words of its matches (the positions NEAR/N "
                + "uses), per week, month, quarter or year; every bucket is listed. Counts are articles; the measure "
                + "(log-likelihood G2 against the bucket's other articles) is named in the output.",
                "Method and examples: docs/explain.md."})
public final class CooccurCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    SelectionOptions selectionOptions;

    @Parameters(index = "0", paramLabel = "QUERY", description = "Query (see docs/query-language.md).")
    String query;

    @Option(names = "--within", defaultValue = "10", paramLabel = "N", description = "At most N words between (default: ${DEFAULT-VALUE}).")
    int within;

    @Option(names = "--by", defaultValue = "month", description = "week, month, quarter or year (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--top", defaultValue = "10", paramLabel = "K", description = "Collocates per bucket (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--min-count", defaultValue = "3", paramLabel = "N",
            description = "A collocate needs N articles with it near the query in the bucket (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--max-read", defaultValue = "20000", paramLabel = "N",
            description = "Read at most N matching articles over the range (an even sample beyond; buckets say so) (default: ${DEFAULT-VALUE}).")
    int maxRead;

    @Option(names = "--gazetteer", paramLabel = "FILE", description = "GeoNames places for the name tagger (optional).")
    Path gazetteer;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("table") && !fmt.equals("json") && !fmt.equals("csv")) {
            throw new UserException("--format must be table, json or csv, not '" + format + "'");
        }
        Collocates.Request req = new Collocates.Request(Query.parse(query), selectionOptions.selection(), within,
                Period.parse(by), top, minCount, maxRead);
        NameTagger tagger = NameTagger.create(gazetteer == null ? null : Gazetteer.load(gazetteer));
        try (Engine engine = engineOptions.open()) {
            Collocates.Result r = new Collocates(engine, tagger).compute(req);
            switch (fmt) {
                case "json" -> spec.commandLine().getOut().println(Output.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(CollocatesFormat.toJson(r)));
                case "csv" -> spec.commandLine().getOut().print(CollocatesFormat.toCsv(r));
                default -> spec.commandLine().getOut().print(CollocatesFormat.toTable(r, top));
            }
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
