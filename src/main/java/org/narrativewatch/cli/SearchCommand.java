package org.narrativewatch.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Hits;
import org.narrativewatch.index.HitsFormat;
import org.narrativewatch.query.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "List matching articles, newest first (or by relevance), with the words that matched marked.")
public final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    SelectionOptions selectionOptions;

    @Parameters(index = "0", paramLabel = "QUERY")
    String query;

    @Option(names = "--limit", defaultValue = "20", description = "At most N articles (default: ${DEFAULT-VALUE}, max 10000).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", paramLabel = "N",
            description = "Skip the first N matches, to page through them (default: ${DEFAULT-VALUE}, max 10000).")
    int offset;

    @Option(names = "--sort", defaultValue = "newest", paramLabel = "ORDER", description = "newest or relevance (default: ${DEFAULT-VALUE}).")
    Engine.HitOrder sort;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = Formats.TextJsonConverter.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Formats.TextJson format;

    @Override
    public Integer call() throws Exception {
        if (limit < 0 || limit > 10_000) {
            throw new InvalidOptionException("limit", "must be between 0 and 10000, not " + limit);
        }
        if (offset < 0 || offset > 10_000) {
            throw new InvalidOptionException("offset", "must be between 0 and 10000, not " + offset);
        }
        Query q = Query.parse(query);
        PrintWriter out = spec.commandLine().getOut();
        try (Engine engine = engineOptions.open()) {
            Hits hits = Corpus.of(engine).search(q, selectionOptions.selection(), offset, limit, sort);
            if (format == Formats.TextJson.JSON) {
                Output.json(out, HitsFormat.toJson(query, hits, offset, limit));
            } else {
                out.printf(Locale.ROOT, "%,d matching articles%s%n", hits.total(), offset > 0
                        ? String.format(Locale.ROOT, ", showing %,d–%,d", offset + 1, offset + hits.hits().size())
                        : hits.total() > hits.hits().size() ? ", showing " + hits.hits().size() : "");
                for (Hits.Hit h : hits.hits()) {
                    // titles, outlets and addresses come from articles: escaped, never obeyed by the terminal
                    out.printf(Locale.ROOT, "%n%s  %s  %s%n  %s%n", h.published().toLocalDate(), TerminalText.escape(h.outlet()),
                            TerminalText.escape(h.url()), mark(h.title()));
                    if (!h.snippet().text().isBlank()) {
                        out.println("  " + mark(h.snippet()));
                    }
                }
                out.flush();
            }
        }
        return 0;
    }
    /** Marks matched spans with [[ ]] for a terminal; control characters are escaped, line breaks become spaces. */
    static String mark(Hits.Highlighted h) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        String t = h.text();
        for (int[] s : h.matches()) {
            sb.append(TerminalText.escape(t.substring(at, s[0]))).append("[[")
                    .append(TerminalText.escape(t.substring(s[0], s[1]))).append("]]");
            at = s[1];
        }
        return sb.append(TerminalText.escape(t.substring(at))).toString();
    }
}
