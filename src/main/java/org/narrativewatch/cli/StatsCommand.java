package org.narrativewatch.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.index.CorpusFacts;
import org.narrativewatch.index.CorpusStats;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.OutletInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "What is in the corpus: articles, outlets, dates.")
public final class StatsCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--outlets", description = "Also list every outlet with its group, count and dates.")
    boolean listOutlets;

    @Override
    public Integer call() throws Exception {
        try (Engine engine = engineOptions.open()) {
            CorpusFacts facts = engine.facts();
            CorpusStats s = CorpusStats.of(facts);
            if ("json".equals(format)) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("articles", s.articles());
                out.put("outlets", s.outlets());
                out.put("from", s.from() == null ? null : s.from().toString());
                out.put("to", s.to() == null ? null : s.to().toString());
                out.put("languages", s.byLanguage());
                out.put("groups", s.byGroup());
                out.put("syndicated_copies", s.syndicatedCopies());
                out.put("snapshot", s.snapshot());
                if (listOutlets) {
                    out.put("outlet_list", facts.outlets());
                }
                Output.json(out);
            } else {
                Output.OUT.printf("%,d articles from %,d outlets, %s to %s%n", s.articles(), s.outlets(), s.from(), s.to());
                Output.OUT.println("languages: " + s.byLanguage());
                Output.OUT.println("groups: " + s.byGroup());
                Output.OUT.printf("syndicated copies: %,d%n", s.syndicatedCopies());
                if (listOutlets) {
                    for (OutletInfo o : facts.outlets()) {
                        Output.OUT.printf("  %-40s %-12s %,9d  %s .. %s%n", o.outlet(), o.group() == null ? "" : o.group(),
                                o.articles(), o.from(), o.to());
                    }
                }
            }
        }
        return 0;
    }
}
