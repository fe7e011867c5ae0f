package org.narrativewatch.cli;

import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.narrativewatch.UserException;
import org.narrativewatch.explain.ExplainRequest;
import org.narrativewatch.explain.Explainer;
import org.narrativewatch.explain.ExplanationFormat;
import org.narrativewatch.explain.names.NameTagger;
import org.narrativewatch.index.Engine;
import org.narrativewatch.query.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nwatch explain QUERY}: which lemmas, phrases, names and outlets distinguish a window's articles. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"What is over- and under-represented in the articles matching QUERY in --from..--to, against a baseline: "
                + "the same query in another window (--vs FROM..TO) or the window's other articles (--vs rest, the default). "
                + "Lemmas, two-word phrases and names, each with article counts on both sides, G2 and its p-value, and a "
                + "log-ratio with its 95% interval; stop words and the query's own terms apart; outlets and groups.",
                "Method and examples: docs/explain.md."})
public final class ExplainCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    SelectionOptions selectionOptions;

    @Parameters(index = "0", paramLabel = "QUERY", description = "Query (see docs/query-language.md).")
    String query;

    @Option(names = "--vs", paramLabel = "FROM..TO|rest", defaultValue = "rest",
            description = "Baseline: the same query in FROM..TO, or 'rest' (the window's articles the query does not match) (default: ${DEFAULT-VALUE}).")
    String vs;

    @Option(names = "--baseline", defaultValue = "query", paramLabel = "query|all",
            description = "With --vs FROM..TO: compare with the query's articles there (query, the default) or with all of them (all). "
                    + "When the query matches none there, all are used and the output says so.")
    String baselineScope;

    @Option(names = "--top", defaultValue = "20", description = "Items per direction (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--min-count", defaultValue = "3", paramLabel = "N",
            description = "An item needs N articles on the side where it is more frequent (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--max-p", defaultValue = "0.05", paramLabel = "P", description = "Hide items with a larger p-value (default: ${DEFAULT-VALUE}).")
    double maxP;

    @Option(names = "--sort", defaultValue = "g2", description = "g2 or log-ratio (default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = "--sample", defaultValue = "500", paramLabel = "N",
            description = "Articles read per side to find names and phrases (default: ${DEFAULT-VALUE}); counts are always exact.")
    int sample;

    @Mixin
    TermReportOptions report;

    static boolean scope(String s) {
        return switch (s == null ? "query" : s.toLowerCase(Locale.ROOT)) {
            case "query" -> false;
            case "all" -> true;
            default -> throw new UserException("--baseline must be query or all, not '" + s + "'");
        };
    }

    @Override
    public Integer call() throws Exception {
        String fmt = report.format();
        LocalDate[] base = ExplainRequest.parseBaseline(vs);
        ExplainRequest req = new ExplainRequest(Query.parse(query), selectionOptions.selection(),
                base == null ? null : base[0], base == null ? null : base[1], top, minCount, maxP, sample, sort,
                scope(baselineScope));
        NameTagger tagger = report.tagger();
        try (Engine engine = engineOptions.open()) {
            TermReportOptions.print(spec.commandLine().getOut(), fmt, new Explainer(engine, tagger).explain(req),
                    ExplanationFormat::toJson, ExplanationFormat::toCsv, ExplanationFormat::toTable);
        }
        return 0;
    }
}
