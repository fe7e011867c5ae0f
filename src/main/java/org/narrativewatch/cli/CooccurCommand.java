package org.narrativewatch.cli;

import java.util.concurrent.Callable;
import org.narrativewatch.explain.Collocates;
import org.narrativewatch.explain.CollocatesFormat;
import org.narrativewatch.explain.Period;
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

    @Mixin
    TermReportOptions report;

    @Override
    public Integer call() throws Exception {
        String fmt = report.format();
        Collocates.Request req = new Collocates.Request(Query.parse(query), selectionOptions.selection(), within,
                Period.parse(by), top, minCount, maxRead);
        NameTagger tagger = report.tagger();
        try (Engine engine = engineOptions.open()) {
            TermReportOptions.print(spec.commandLine().getOut(), fmt, new Collocates(engine, tagger).compute(req),
                    CollocatesFormat::toJson, CollocatesFormat::toCsv, r -> CollocatesFormat.toTable(r, top));
        }
        return 0;
    }
}
