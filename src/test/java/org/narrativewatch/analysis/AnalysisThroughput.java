package org.narrativewatch.analysis;

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
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Throughput harness (not a test): analyses title + text of the first N records of a news JSONL.gz
 * file in memory, a warm-up pass then timed passes, and prints words/s for our chain and for
 * Lucene's RussianAnalyzer as a reference. Run (after {@code mvn -o -q -B test-compile}):
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.narrativewatch.analysis.AnalysisThroughput \
 *     ../shared/data/news/tg_news_ru_2024.jsonl.gz ru 20000
 * </pre>
 * where cp.txt comes from {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class AnalysisThroughput {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String lang = args.length > 1 ? args[1] : "ru";
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
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
