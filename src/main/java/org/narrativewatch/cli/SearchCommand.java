package org.narrativewatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Hits;
import org.narrativewatch.query.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "List matching articles, newest first (or by relevance), with the words that matched marked.")
public final class SearchCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    SelectionOptions selectionOptions;

    @Parameters(index = "0", paramLabel = "QUERY")
    String query;

    @Option(names = "--limit", defaultValue = "20", description = "At most N articles (default: ${DEFAULT-VALUE}, max 10000).")
    int limit;

    @Option(names = "--sort", defaultValue = "newest", description = "newest or relevance (default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        if (limit < 0 || limit > 10_000) {
            throw new org.narrativewatch.UserException("--limit must be between 0 and 10000");
        }
        Engine.HitOrder order = switch (sort) {
            case "newest" -> Engine.HitOrder.NEWEST;
            case "relevance" -> Engine.HitOrder.RELEVANCE;
            default -> throw new org.narrativewatch.UserException("--sort must be newest or relevance");
        };
        Query q = Query.parse(query);
        try (Engine engine = engineOptions.open()) {
            Hits hits = engine.search(q, selectionOptions.selection(), limit, order);
            if ("json".equals(format)) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("query", query);
                out.put("total", hits.total());
                List<Map<String, Object>> list = new ArrayList<>();
                for (Hits.Hit h : hits.hits()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("url", h.url());
                    m.put("outlet", h.outlet());
                    m.put("group", h.group());
                    m.put("published", h.published().toString());
                    m.put("date_quality", h.dateQuality().wire());
                    m.put("lang", h.lang());
                    m.put("title", h.title().text());
                    m.put("title_matches", h.title().matches());
                    m.put("snippet", h.snippet().text());
                    m.put("snippet_matches", h.snippet().matches());
                    if (h.syndicatedFrom() != null) {
                        m.put("syndicated_from", h.syndicatedFrom());
                    }
                    list.add(m);
                }
                out.put("hits", list);
                Output.json(out);
            } else {
                Output.OUT.printf("%,d matching articles%s%n", hits.total(),
                        hits.total() > hits.hits().size() ? ", showing " + hits.hits().size() : "");
                for (Hits.Hit h : hits.hits()) {
                    // titles, outlets and addresses come from articles: escaped, never obeyed by the terminal
                    Output.OUT.printf("%n%s  %s  %s%n  %s%n", h.published().toLocalDate(), TerminalText.escape(h.outlet()),
                            TerminalText.escape(h.url()), mark(h.title()));
                    if (!h.snippet().text().isBlank()) {
                        Output.OUT.println("  " + mark(h.snippet()));
                    }
                }
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
