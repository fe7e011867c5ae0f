package org.narrativewatch.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.index.CorpusFacts;
import org.narrativewatch.index.CorpusStats;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.OutletInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "What is in the corpus: articles, outlets, dates.")
public final class StatsCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = Formats.TextJsonConverter.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Formats.TextJson format;

    @Option(names = "--outlets", description = "Also list every outlet with its group, count and dates.")
    boolean listOutlets;

    @Override
    public Integer call() throws Exception {
        try (Engine engine = engineOptions.open()) {
            CorpusFacts facts = engine.facts();
            CorpusStats s = CorpusStats.of(facts);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Formats.TextJson.JSON) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("articles", s.articles());
                json.put("outlets", s.outlets());
                json.put("from", s.from() == null ? null : s.from().toString());
                json.put("to", s.to() == null ? null : s.to().toString());
                json.put("languages", s.byLanguage());
                json.put("groups", s.byGroup());
                json.put("syndicated_copies", s.syndicatedCopies());
                json.put("snapshot", s.snapshot());
                if (listOutlets) {
                    json.put("outlet_list", facts.outlets());
                }
                Output.json(out, json);
            } else {
                out.printf(Locale.ROOT, "%,d articles from %,d outlets, %s to %s%n", s.articles(), s.outlets(), s.from(), s.to());
                out.println("languages: " + s.byLanguage());
                out.println("groups: " + s.byGroup());
                out.printf(Locale.ROOT, "syndicated copies: %,d%n", s.syndicatedCopies());
                if (listOutlets) {
                    for (OutletInfo o : facts.outlets()) {
                        out.printf(Locale.ROOT, "  %-40s %-12s %,9d  %s .. %s%n", TerminalText.escape(o.outlet()),
                                o.group() == null ? "" : TerminalText.escape(o.group()), o.articles(), o.from(), o.to());
                    }
                }
                out.flush();
            }
        }
        return 0;
    }
}
