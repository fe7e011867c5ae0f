package org.narrativewatch.bench.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.narrativewatch.analysis.Analyzers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Throughput of the analysis chain: analyses title + text of the first N records of a news JSONL.gz
 * file in memory, a warm-up pass then timed passes, and prints words/s for our chain and for
 * Lucene's RussianAnalyzer as a reference:
 * <pre>
 * bench/run analysis ../shared/data/news/tg_news_ru_2024.jsonl.gz ru 20000
 * </pre>
 */
@Command(name = "analysis", mixinStandardHelpOptions = true,
        description = "Words per second of the index analysis chain (and Lucene's RussianAnalyzer for reference).")
public final class AnalysisThroughput implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "News JSONL.gz file.")
    Path file;

    @Parameters(index = "1", paramLabel = "LANG", defaultValue = "ru", description = "Language of the chain (default: ${DEFAULT-VALUE}).")
    String lang;

    @Parameters(index = "2", paramLabel = "N", defaultValue = "20000", description = "Records to analyse (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        long chars = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line; texts.size() < limit && (line = r.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                String t = n.path("title").asText("") + "\n" + n.path("text").asText("");
                texts.add(t);
                chars += t.length();
            }
        }
        System.out.printf(Locale.ROOT, "%d texts, %.1f MB of text%n", texts.size(), chars * 2 / 1e6);
        measure("nwatch " + lang, Analyzers.index(lang), texts);
        if ("ru".equals(lang)) {
            measure("lucene RussianAnalyzer", new RussianAnalyzer(), texts);
        }
        return 0;
    }

    private static void measure(String name, Analyzer analyzer, List<String> texts) throws Exception {
        run(analyzer, texts);
        long best = Long.MAX_VALUE;
        long words = 0;
        long tokens = 0;
        for (int pass = 0; pass < 3; pass++) {
            long t0 = System.nanoTime();
            long[] counts = run(analyzer, texts);
            best = Math.min(best, System.nanoTime() - t0);
            words = counts[0];
            tokens = counts[1];
        }
        double s = best / 1e9;
        System.out.printf(Locale.ROOT, "%-24s %,d words (%,d terms) in %.2f s: %,.0f words/s, %,.0f terms/s%n",
                name, words, tokens, s, words / s, tokens / s);
    }

    private static long[] run(Analyzer analyzer, List<String> texts) throws Exception {
        long words = 0;
        long tokens = 0;
        for (String text : texts) {
            try (TokenStream ts = analyzer.tokenStream("body", text)) {
                PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    tokens++;
                    words += inc.getPositionIncrement() > 0 ? 1 : 0;
                }
                ts.end();
            }
        }
        return new long[] {words, tokens};
    }
}
